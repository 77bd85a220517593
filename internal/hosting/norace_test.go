//go:build !race

package hosting_test

const raceEnabled = false
