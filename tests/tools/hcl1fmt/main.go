// hcl1fmt prints a file as HashiCorp's HCL1 printer formats it (the
// formatting `hclfmt` and Nomad's HCL1-era tooling use). Used to check that
// the config blocks rktc writes are already in that layout.
package main

import (
	"fmt"
	"io/ioutil"
	"os"

	"github.com/hashicorp/hcl/hcl/printer"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: hcl1fmt FILE")
		os.Exit(2)
	}
	in, err := ioutil.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	out, err := printer.Format(in)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Stdout.Write(out)
}
