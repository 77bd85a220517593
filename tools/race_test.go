//go:build race

package tools

// raceEnabled: sync.Pool drops items at random under the race detector, so
// allocation ceilings are not held there.
const raceEnabled = true
