package clerkapi

// Excluded lists the Backend API operations, by operationId, that are
// deliberately not exposed as tools, each with the reason. The spec
// conformance test requires every other operation in the spec to be
// registered in the catalog. Every operation currently works as a tool, so the
// list is empty.
var Excluded = map[string]string{}
