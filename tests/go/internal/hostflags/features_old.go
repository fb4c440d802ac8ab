//go:build goplugin_old

package hostflags

import (
	"fmt"

	plugin "github.com/hashicorp/go-plugin"
)

// setFeatures refuses what the old go-plugin cannot do. Its ClientConfig does have SyncStdout
// and SyncStderr, but only its net/rpc protocol ever wrote to them: a gRPC plugin's output is
// not forwarded before go-plugin v1.4.0's GRPCStdio, so -stdio is refused too.
func setFeatures(_ *plugin.ClientConfig, f features) error {
	switch {
	case f.multiplex:
		return needs("-mux", "GRPCBrokerMultiplex", "v1.6.0")
	case f.socketDir != "":
		return needs("-socket-dir", "UnixSocketConfig", "v1.5.0")
	case f.socketGroup != "":
		return needs("-socket-group", "UnixSocketConfig", "v1.5.0")
	case f.stdout != nil:
		return needs("-stdio", "GRPCStdio (SyncStdout, SyncStderr)", "v1.4.0")
	case f.reattach != "":
		return fmt.Errorf("-reattach: ReattachConfig.Test and ProtocolVersion are missing from go-plugin %s; "+
			"build this host with go-plugin v1.8.0", GoPluginVersion())
	}
	return nil
}
