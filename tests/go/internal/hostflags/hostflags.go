// Package hostflags gives both test hosts the same switches for the go-plugin ClientConfig
// options that the interop tests turn on one by one: AutoMTLS, the multiplexed broker, the unix
// socket directory and group, the plugin's stdout/stderr through GRPCStdio, and Reattach.
//
// The options that only newer go-plugin releases have are set in features_*.go, picked by the
// build tag goplugin_old: the host built against the old go-plugin refuses them with an error
// that names the release they need, instead of silently running without them.
package hostflags

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	hclog "github.com/hashicorp/go-hclog"
	plugin "github.com/hashicorp/go-plugin"
)

// Flags holds the switches after flag.Parse.
type Flags struct {
	AutoMTLS    bool
	Multiplex   bool
	SocketDir   string
	SocketGroup string
	Stdio       bool
	Reattach    string
	Version     bool
}

// Register adds the switches to fs (the hosts pass flag.CommandLine).
func Register(fs *flag.FlagSet) *Flags {
	f := &Flags{}
	fs.BoolVar(&f.AutoMTLS, "automtls", false, "ClientConfig.AutoMTLS: the plugin serves mTLS with a certificate made for this run")
	fs.BoolVar(&f.Multiplex, "mux", false, "ClientConfig.GRPCBrokerMultiplex (go-plugin >= v1.6.0)")
	fs.StringVar(&f.SocketDir, "socket-dir", "", "UnixSocketConfig.TempDir: where the plugin creates its socket (go-plugin >= v1.5.0)")
	fs.StringVar(&f.SocketGroup, "socket-group", "", "UnixSocketConfig.Group: group owning the plugin's socket (go-plugin >= v1.5.0)")
	fs.BoolVar(&f.Stdio, "stdio", false, "SyncStdout/SyncStderr: print what the plugin writes to its stdout as \"stdout: LINE\" on this host's stdout "+
		"and its stderr as \"stderr: LINE\" on this host's stderr, through GRPCStdio (go-plugin >= v1.4.0)")
	fs.StringVar(&f.Reattach, "reattach", "", "ClientConfig.Reattach: connect to the running plugin this go-plugin ReattachConfig JSON "+
		"(as a plugin in debug mode prints it) describes instead of launching one (go-plugin >= v1.8.0 builds only)")
	fs.BoolVar(&f.Version, "version", false, "print the go-plugin version this host is built with (\"go-plugin v1.8.0\") and exit")
	return f
}

// GoPluginVersion is the go-plugin release linked into this binary, from its build info.
func GoPluginVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	for _, dep := range info.Deps {
		if dep.Path == "github.com/hashicorp/go-plugin" {
			if dep.Replace != nil {
				return dep.Replace.Version
			}
			return dep.Version
		}
	}
	return "unknown"
}

// Session is what Apply set up for one client: the logger to give go-plugin, and Finish to
// call once the plugin is killed.
type Session struct {
	Logger hclog.Logger
	stdout *linePrefixer
	stderr *linePrefixer
	ended  *stdioEnd
}

// UsageError is a switch this build cannot honour; the hosts exit with status 2 on it.
type UsageError struct{ msg string }

func (e *UsageError) Error() string { return e.msg }

// Apply sets on cfg what the switches ask for. logOpts describe the host's own logger; the
// Session's Logger wraps it so that, with -stdio, the end of go-plugin's stdio stream is seen.
func (f *Flags) Apply(cfg *plugin.ClientConfig, logOpts *hclog.LoggerOptions) (*Session, error) {
	cfg.AutoMTLS = f.AutoMTLS
	s := &Session{}
	extra := features{multiplex: f.Multiplex, socketDir: f.SocketDir, socketGroup: f.SocketGroup, reattach: f.Reattach}
	if f.Stdio {
		s.stdout = &linePrefixer{prefix: "stdout: ", out: os.Stdout}
		s.stderr = &linePrefixer{prefix: "stderr: ", out: os.Stderr}
		extra.stdout, extra.stderr = s.stdout, s.stderr
	}
	if err := setFeatures(cfg, extra); err != nil {
		return nil, &UsageError{err.Error()}
	}
	logger := hclog.NewInterceptLogger(logOpts)
	if f.Stdio {
		s.ended = &stdioEnd{done: make(chan struct{})}
		logger.RegisterSink(s.ended)
	}
	s.Logger = logger
	cfg.Logger = logger
	return s, nil
}

// Finish waits (up to timeout) for go-plugin's stdio stream to end after Kill, so that every
// line the plugin wrote reaches this host's output, then writes out any unterminated last line.
// go-plugin's Kill does not wait for that stream, so without this the host could exit first.
func (s *Session) Finish(timeout time.Duration) error {
	if s == nil || s.ended == nil {
		return nil
	}
	var err error
	select {
	case <-s.ended.done:
	case <-time.After(timeout):
		err = fmt.Errorf("go-plugin's stdio stream did not end within %s of Kill", timeout)
	}
	s.stdout.Flush()
	s.stderr.Flush()
	return err
}

// features are the ClientConfig options that not every go-plugin release has.
type features struct {
	multiplex              bool
	socketDir, socketGroup string
	stdout, stderr         io.Writer
	reattach               string
}

func needs(flagName, field, release string) error {
	return fmt.Errorf("%s: %s needs go-plugin %s or later; this host is built with go-plugin %s",
		flagName, field, release, GoPluginVersion())
}

// stdioEnd watches go-plugin's log for the last message of its stdio receive loop
// (grpcStdioClient.Run in grpc_stdio.go): the loop logs exactly one of these when it returns.
type stdioEnd struct {
	once sync.Once
	done chan struct{}
}

var stdioLoopEndings = []string{
	"received EOF, stopping recv loop",
	"error receiving data",
	"stdio service unavailable, run will do nothing",
}

// Accept implements hclog.SinkAdapter.
func (e *stdioEnd) Accept(name string, _ hclog.Level, msg string, _ ...interface{}) {
	if !strings.HasSuffix(name, "stdio") {
		return
	}
	for _, ending := range stdioLoopEndings {
		if msg == ending {
			e.once.Do(func() { close(e.done) })
		}
	}
}

// linePrefixer writes each complete line it receives as one prefixed line. GRPCStdio delivers
// the plugin's output in chunks of any size, so a line may arrive in pieces.
type linePrefixer struct {
	mu     sync.Mutex
	prefix string
	out    io.Writer
	buf    []byte
}

func (w *linePrefixer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf = append(w.buf, p...)
	for {
		i := bytes.IndexByte(w.buf, '\n')
		if i < 0 {
			return len(p), nil
		}
		if err := w.emit(w.buf[:i]); err != nil {
			return len(p), err
		}
		w.buf = w.buf[i+1:]
	}
}

// Flush writes an unterminated last line, if any.
func (w *linePrefixer) Flush() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.buf) > 0 {
		_ = w.emit(w.buf)
		w.buf = nil
	}
}

// emit writes prefix, line and newline in one Write, so lines from the two channels and the
// host's own lines never interleave mid-line.
func (w *linePrefixer) emit(line []byte) error {
	out := make([]byte, 0, len(w.prefix)+len(line)+1)
	out = append(append(append(out, w.prefix...), line...), '\n')
	_, err := w.out.Write(out)
	return err
}
