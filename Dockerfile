# Multi-stage build of the same static binary the tests build
# (cmd/clerk-mcp/dockerfile_test.go runs the RUN go build line below).
FROM golang:1.26-alpine AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags=-s -o /out/clerk-mcp ./cmd/clerk-mcp

FROM gcr.io/distroless/static-debian12:nonroot
# Lets the MCP registry verify this image belongs to the server.json entry.
LABEL io.modelcontextprotocol.server.name="io.github.clerk-mcp/clerk-mcp"
COPY --from=build /out/clerk-mcp /usr/local/bin/clerk-mcp
USER nonroot:nonroot
# stdio by default; for hosted agents: --transport http --addr 0.0.0.0:8080
ENTRYPOINT ["clerk-mcp"]
