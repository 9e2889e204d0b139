// json_go_oracle: what Go's encoding/json makes of JSON inputs, for
// testdata/json/go-encoding-json.tsv (read by tests/unit/test_json.c).
// Reads one hex-encoded input per line; prints "ERR <Unmarshal error>" or
// "OK <tokens>" (strings hex-encoded as decoded, numbers as nTEXT).
// Regenerate: sh tests/tools/json_go_oracle.sh
package main

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		in, err := hex.DecodeString(sc.Text())
		if err != nil { fmt.Println("BADLINE"); continue }
		var v interface{}
		if err := json.Unmarshal(in, &v); err != nil {
			fmt.Println("ERR", err.Error())
			continue
		}
		d := json.NewDecoder(bytes.NewReader(in))
		d.UseNumber()
		var parts []string
		for {
			t, err := d.Token()
			if err != nil { break }
			switch x := t.(type) {
			case json.Delim: parts = append(parts, x.String())
			case string: parts = append(parts, hex.EncodeToString([]byte(x)))
			case json.Number: parts = append(parts, "n"+string(x))
			case bool: parts = append(parts, fmt.Sprint(x))
			case nil: parts = append(parts, "null")
			}
		}
		fmt.Println("OK", strings.Join(parts, " "))
	}
}
