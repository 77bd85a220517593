//go:build !race

package textblock

const raceEnabled = false
