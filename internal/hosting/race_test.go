//go:build race

package hosting_test

// raceEnabled scales the flood tests down under the race detector, which
// makes every request some ten times slower.
const raceEnabled = true
