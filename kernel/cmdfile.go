package kernel

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Command is one C file of the kernel build and the gcc command kbuild ran for it.
type Command struct {
	// File is the C source, Object the object file, both relative to the tree (the
	// directory kbuild runs gcc in), as kbuild wrote them.
	File   string `json:"file"`
	Object string `json:"object"`
	// Flags are gcc's arguments for File with the compiler name, "-c", "-o <object>",
	// the source operand and the dependency-file option (-Wp,-MMD,<file> or -Wp,-MD,<file>)
	// taken out, in kbuild's order. `gcc -E <flags> <file>`, `gcc -fsyntax-only <flags>
	// <file>` or the same with gocc, run in the tree, compile File as kbuild did.
	Flags []string `json:"flags"`
	// Argv is the complete command as kbuild ran it (argv[0] is the compiler).
	Argv []string `json:"argv"`
}

// Manifest is the JSON file (ManifestName in the cache directory) listing every C file
// of the kernel build with its flags, for this package and other tools.
type Manifest struct {
	// Tree is the absolute path of the built kernel tree, the working directory for
	// every command.
	Tree   string    `json:"tree"`
	Arch   string    `json:"arch"`
	Config string    `json:"config"`
	Files  []Command `json:"files"` // sorted by File
}

// ManifestName is the manifest's file name in the cache directory.
const ManifestName = "commands.json"

// Collect reads every .o.cmd file under tree and returns the C files compiled for the
// kernel, sorted by file name. Host programs (scripts/, tools/objtool: built with the
// host's headers by HOSTCC) and assembler sources are left out: the kernel's objects
// are the ones whose command defines __KERNEL__ and compiles a .c file.
func Collect(tree string) ([]Command, error) { return collect(tree, ".c") }

// CollectAsm is Collect for the kernel's assembler sources (.S, which kbuild
// preprocesses with -D__ASSEMBLY__): the commands recorded for them, sorted by file.
func CollectAsm(tree string) ([]Command, error) { return collect(tree, ".S") }

func collect(tree, ext string) ([]Command, error) {
	var cmds []Command
	err := filepath.WalkDir(tree, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		name := d.Name()
		if !strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".o.cmd") {
			return nil
		}
		c, ok, err := readCmdFile(path, ext)
		if err != nil {
			return err
		}
		if ok {
			cmds = append(cmds, c)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].File < cmds[j].File })
	return cmds, nil
}

// ReadCmdFile parses one kbuild .cmd file and reports whether it records the
// compilation of a kernel C file.
func ReadCmdFile(path string) (Command, bool, error) { return readCmdFile(path, ".c") }

func readCmdFile(path, ext string) (Command, bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return Command{}, false, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for sc.Scan() {
		if c, ok, err := parseCmdLine(sc.Text(), ext); ok || err != nil {
			if err != nil {
				err = fmt.Errorf("%s: %v", path, err)
			}
			return c, ok, err
		}
	}
	return Command{}, false, sc.Err()
}

// ParseCmdLine parses the line of a .cmd file that records the command,
// "cmd_<object> := <shell command>" (6.1; later kernels spell it "savedcmd_"). The
// shell command is the compiler invocation, possibly followed by "; <post-processing>"
// (objtool), which is dropped. ok is false for lines that are not a kernel C
// compilation.
func ParseCmdLine(line string) (c Command, ok bool, err error) { return parseCmdLine(line, ".c") }

// parseCmdLine is ParseCmdLine for sources whose name ends in ext (".c" or ".S").
func parseCmdLine(line, ext string) (c Command, ok bool, err error) {
	lhs, rhs, found := strings.Cut(line, " := ")
	if !found {
		return c, false, nil
	}
	obj, isCmd := strings.CutPrefix(lhs, "cmd_")
	if !isCmd {
		if obj, isCmd = strings.CutPrefix(lhs, "savedcmd_"); !isCmd {
			return c, false, nil
		}
	}
	if !strings.HasSuffix(obj, ".o") {
		return c, false, nil
	}
	argv, err := SplitShell(rhs)
	if err != nil {
		return c, false, err
	}
	if len(argv) == 0 || !isKernelC(argv) {
		return c, false, nil
	}
	c = Command{Object: obj, Argv: argv}
	for i := 1; i < len(argv); i++ {
		a := argv[i]
		switch {
		case a == "-c":
		case a == "-o" && i+1 < len(argv):
			i++
		case strings.HasPrefix(a, "-Wp,-MMD,") || strings.HasPrefix(a, "-Wp,-MD,"):
		case !strings.HasPrefix(a, "-") && strings.HasSuffix(a, ext):
			if c.File != "" {
				return c, false, fmt.Errorf("two %s sources in the command for %s", ext, obj)
			}
			c.File = a
		default:
			c.Flags = append(c.Flags, a)
		}
	}
	return c, c.File != "", nil
}

// isKernelC reports whether argv compiles a C file for the kernel (-D__KERNEL__, -c).
func isKernelC(argv []string) bool {
	kernel, compile := false, false
	for _, a := range argv {
		switch a {
		case "-D__KERNEL__":
			kernel = true
		case "-c":
			compile = true
		}
	}
	return kernel && compile
}

// SplitShell splits the first command of a POSIX shell command line into words: it
// removes single quotes, double quotes (where backslash escapes only $ ` " \ and
// newline) and backslashes, and stops at the first unquoted ';', '&' or '|'. It is
// enough for the commands kbuild writes, which use no expansions.
func SplitShell(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	end := func() {
		if inWord {
			words = append(words, cur.String())
			cur.Reset()
			inWord = false
		}
	}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch ch {
		case ' ', '\t', '\n':
			end()
		case ';', '&', '|':
			end()
			return words, nil
		case '\\':
			inWord = true
			if i+1 < len(s) {
				i++
				if s[i] != '\n' {
					cur.WriteByte(s[i])
				}
			}
		case '\'':
			inWord = true
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				return nil, fmt.Errorf("unterminated ' in %q", s)
			}
			cur.WriteString(s[i+1 : i+1+j])
			i += 1 + j
		case '"':
			inWord = true
			i++
			for ; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("$`\"\\\n", s[i+1]) >= 0 {
					i++
					if s[i] == '\n' {
						continue
					}
				}
				cur.WriteByte(s[i])
			}
			if i >= len(s) {
				return nil, fmt.Errorf("unterminated \" in %q", s)
			}
		default:
			inWord = true
			cur.WriteByte(ch)
		}
	}
	end()
	return words, nil
}

// WriteManifest writes m as indented JSON to path (through a temporary file, so a
// reader never sees a partial manifest).
func WriteManifest(path string, m *Manifest) error {
	data, err := json.MarshalIndent(m, "", "\t")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(data, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// ReadManifest reads a manifest written by WriteManifest.
func ReadManifest(path string) (*Manifest, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return &m, nil
}
