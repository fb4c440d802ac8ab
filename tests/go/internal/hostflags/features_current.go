//go:build !goplugin_old

package hostflags

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"strconv"

	hclog "github.com/hashicorp/go-hclog"
	plugin "github.com/hashicorp/go-plugin"
	"github.com/hashicorp/go-plugin/runner"
)

// setFeatures sets the options go-plugin v1.4.0 (GRPCStdio), v1.5.0 (UnixSocketConfig) and
// v1.6.0 (GRPCBrokerMultiplex) added.
func setFeatures(cfg *plugin.ClientConfig, f features) error {
	cfg.GRPCBrokerMultiplex = f.multiplex
	if f.socketDir != "" || f.socketGroup != "" {
		cfg.UnixSocketConfig = &plugin.UnixSocketConfig{TempDir: f.socketDir, Group: f.socketGroup}
	}
	if f.socketDir != "" {
		// go-plugin makes a directory inside TempDir (group-writable when Group is set), hands it
		// to the plugin as PLUGIN_UNIX_SOCKET_DIR and removes it after Kill, but only for hosts
		// that bring a RunnerFunc instead of a Cmd. This one runs the same command as a plain
		// child process, as go-plugin's own (internal) runner does with a Cmd.
		command := cfg.Cmd
		cfg.Cmd = nil
		cfg.RunnerFunc = func(_ hclog.Logger, spec *exec.Cmd, _ string) (runner.Runner, error) {
			// spec carries what go-plugin prepared: the environment (cookie, versions, socket
			// directory, AutoMTLS certificate) and stdin.
			cmd := exec.Command(command.Path, command.Args[1:]...)
			cmd.Env, cmd.Stdin = spec.Env, spec.Stdin
			return newExecRunner(cmd)
		}
	}
	if f.stdout != nil {
		cfg.SyncStdout, cfg.SyncStderr = f.stdout, f.stderr
	}
	return nil
}

// execRunner is a runner.Runner for a plugin that is a plain child process.
type execRunner struct {
	cmd            *exec.Cmd
	stdout, stderr io.ReadCloser
}

func newExecRunner(cmd *exec.Cmd) (*execRunner, error) {
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	return &execRunner{cmd: cmd, stdout: stdout, stderr: stderr}, nil
}

func (r *execRunner) Start(context.Context) error     { return r.cmd.Start() }
func (r *execRunner) Wait(context.Context) error      { return r.cmd.Wait() }
func (r *execRunner) Diagnose(context.Context) string { return "" }
func (r *execRunner) Stdout() io.ReadCloser           { return r.stdout }
func (r *execRunner) Stderr() io.ReadCloser           { return r.stderr }
func (r *execRunner) Name() string                    { return r.cmd.Path }

func (r *execRunner) Kill(context.Context) error {
	if r.cmd.Process == nil {
		return nil
	}
	if err := r.cmd.Process.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return err
	}
	return nil
}

func (r *execRunner) ID() string {
	if r.cmd.Process == nil {
		return ""
	}
	return strconv.Itoa(r.cmd.Process.Pid)
}

// The plugin runs on this machine: its addresses are the host's.
func (r *execRunner) PluginToHost(network, addr string) (string, string, error) {
	return network, addr, nil
}

func (r *execRunner) HostToPlugin(network, addr string) (string, string, error) {
	return network, addr, nil
}
