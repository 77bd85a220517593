package sandbox

// proxyChecksHandlers are the handlers of the operations in clerkapi/proxy_checks.go.
var proxyChecksHandlers = map[string]handlerFunc{
	"verify_domain_proxy": productionOnly,
}
