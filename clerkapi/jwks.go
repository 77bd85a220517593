package clerkapi

var jwksOperations = []Operation{
	{
		Name: "get_jwks", OperationID: "GetJWKS", Method: "GET", Path: "/jwks",
		Description: "Get the instance's public JSON Web Key Set, for verifying session tokens.",
		Request:     GetJWKSRequest{}, Response: JWKS{},
	},
}

type GetJWKSRequest struct {
}
