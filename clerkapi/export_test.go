package clerkapi

// CachedPlans reports how many operations have had their plan read (and
// cached) since the cache was last emptied.
func CachedPlans() int {
	n := 0
	plans.Range(func(_, _ any) bool { n++; return true })
	return n
}

// ForgetPlans empties the plan cache, so a test can watch what fills it.
func ForgetPlans() { plans.Clear() }
