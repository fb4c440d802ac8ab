//go:build !goplugin_old

package hostflags

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
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
	if f.reattach != "" {
		reattach, err := parseReattach(f.reattach)
		if err != nil {
			return fmt.Errorf("-reattach: %v", err)
		}
		cfg.Reattach, cfg.Cmd, cfg.RunnerFunc = reattach, nil, nil
	}
	return nil
}

// parseReattach reads the JSON a plugin in debug mode prints: go-plugin's ReattachConfig field
// names, with Addr as {"Network": "unix", "String": "/path"} (Terraform's TF_REATTACH_PROVIDERS
// form, since a net.Addr has no JSON form of its own).
func parseReattach(text string) (*plugin.ReattachConfig, error) {
	var raw struct {
		Protocol        string
		ProtocolVersion int
		Pid             int
		Test            bool
		Addr            struct{ Network, String string }
	}
	if err := json.Unmarshal([]byte(text), &raw); err != nil {
		return nil, err
	}
	var addr net.Addr
	var err error
	switch raw.Addr.Network {
	case "unix":
		addr, err = net.ResolveUnixAddr("unix", raw.Addr.String)
	case "tcp":
		addr, err = net.ResolveTCPAddr("tcp", raw.Addr.String)
	default:
		err = fmt.Errorf("Addr.Network %q: want unix or tcp", raw.Addr.Network)
	}
	if err != nil {
		return nil, err
	}
	return &plugin.ReattachConfig{
		Protocol:        plugin.Protocol(raw.Protocol),
		ProtocolVersion: raw.ProtocolVersion,
		Addr:            addr,
		Pid:             raw.Pid,
		Test:            raw.Test,
	}, nil
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
