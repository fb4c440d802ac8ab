// Command greeter-plugin is a go-plugin gRPC plugin serving the lesson's Greeter, built
// by the interop tests so that a Python host can be tested against the real thing.
//
// Greet answers "Hello, <name>!" (plus " (locale: <locale>)" when a locale is set), GreetStream
// sends five greetings "Hello <name>, message <i>". From protocol version 2 on, every greeting
// ends in " (protocol v<N>)" so a test can see which plugin set the host negotiated.
//
// Like many real plugins it is chatty: when the host connects and on every call it writes a
// line to its stdout and one to its stderr, to prove a host survives both. Environment switches
// make it misbehave on purpose:
//
//	GREETER_PLUGIN_VERSIONS=1,2   serve these app protocol versions (default 1)
//	GREETER_CRASH_ON=start,greet,stream
//	                              exit with status 3: before the handshake, inside Greet, or
//	                              inside GreetStream after two messages
//	GREETER_FAIL_WITH=NOT_FOUND   Greet and GreetStream fail with this gRPC status code
//	GREETER_GREET_DELAY=2s        Greet waits this long (or until the call is cancelled)
//	GREETER_SYNCED_OUTPUT=1       also write each line to os.Stdout and os.Stderr as plugin.Serve
//	                              left them ("greeter-plugin synced stdout: ..." and "... synced
//	                              stderr: ..."): from go-plugin v1.4.0 on these reach a host
//	                              that sets SyncStdout/SyncStderr through GRPCStdio
package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	plugin "github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/stats"
	"google.golang.org/grpc/status"

	"yourapp/internal/shared"
	pb "yourapp/proto/greeter"
)

// The process's real stdout and stderr. plugin.Serve swaps os.Stdout and os.Stderr for pipes:
// go-plugin v1.4.0 and later forward them to a host through GRPCStdio, but only when the host
// asks (SyncStdout/SyncStderr), and older releases never read them for a gRPC plugin. Lines
// every host must see go to the originals, captured here before Serve runs.
var (
	realStdout = os.Stdout
	realStderr = os.Stderr
)

// say writes one line to the real stdout and the same line to the real stderr.
func say(format string, args ...interface{}) {
	line := fmt.Sprintf(format, args...)
	fmt.Fprintf(realStdout, "greeter-plugin stdout: %s\n", line)
	fmt.Fprintf(realStderr, "greeter-plugin stderr: %s\n", line)
	if os.Getenv("GREETER_SYNCED_OUTPUT") == "1" {
		fmt.Fprintf(os.Stdout, "greeter-plugin synced stdout: %s\n", line)
		fmt.Fprintf(os.Stderr, "greeter-plugin synced stderr: %s\n", line)
	}
}

// crashIfAsked exits with status 3 when GREETER_CRASH_ON lists this point.
func crashIfAsked(point string) {
	for _, p := range strings.Split(os.Getenv("GREETER_CRASH_ON"), ",") {
		if strings.TrimSpace(p) == point {
			fmt.Fprintf(realStderr, "greeter-plugin: crashing on %s as GREETER_CRASH_ON asked\n", point)
			os.Exit(3)
		}
	}
}

// failure is the status GREETER_FAIL_WITH asks every call to fail with, or nil.
func failure() error {
	name := strings.TrimSpace(os.Getenv("GREETER_FAIL_WITH"))
	if name == "" {
		return nil
	}
	var code codes.Code
	if err := code.UnmarshalJSON([]byte(`"` + name + `"`)); err != nil {
		return status.Errorf(codes.Internal, "greeter-plugin: GREETER_FAIL_WITH=%q is not a gRPC code name", name)
	}
	return status.Errorf(code, "greeter-plugin: failing with %s as GREETER_FAIL_WITH asked", name)
}

// greeter implements the Greeter service for one app protocol version.
type greeter struct {
	pb.UnimplementedGreeterServer
	version int
}

func (g *greeter) suffix() string {
	if g.version > 1 {
		return fmt.Sprintf(" (protocol v%d)", g.version)
	}
	return ""
}

func (g *greeter) Greet(ctx context.Context, req *pb.GreetRequest) (*pb.GreetResponse, error) {
	say("Greet name=%q locale=%q version=%d", req.GetName(), req.GetLocale(), g.version)
	crashIfAsked("greet")
	if err := failure(); err != nil {
		return nil, err
	}
	if delay := os.Getenv("GREETER_GREET_DELAY"); delay != "" {
		d, err := time.ParseDuration(delay)
		if err != nil {
			return nil, status.Errorf(codes.Internal, "greeter-plugin: bad GREETER_GREET_DELAY %q", delay)
		}
		select {
		case <-time.After(d):
		case <-ctx.Done():
			return nil, status.FromContextError(ctx.Err()).Err()
		}
	}
	greeting := fmt.Sprintf("Hello, %s!", req.GetName())
	if req.GetLocale() != "" {
		greeting += fmt.Sprintf(" (locale: %s)", req.GetLocale())
	}
	return &pb.GreetResponse{Greeting: greeting + g.suffix()}, nil
}

func (g *greeter) GreetStream(req *pb.GreetRequest, stream pb.Greeter_GreetStreamServer) error {
	say("GreetStream name=%q locale=%q version=%d", req.GetName(), req.GetLocale(), g.version)
	if err := failure(); err != nil {
		return err
	}
	for i := 0; i < 5; i++ {
		if i == 2 {
			crashIfAsked("stream")
		}
		greeting := fmt.Sprintf("Hello %s, message %d%s", req.GetName(), i, g.suffix())
		if err := stream.Send(&pb.GreetResponse{Greeting: greeting}); err != nil {
			return err
		}
	}
	return nil
}

// connAnnouncer says "host connected" the first time a host connects. A connection can only
// come after the handshake line, so this is the earliest moment extra stdout output cannot
// corrupt the handshake.
type connAnnouncer struct{ once *sync.Once }

func (a connAnnouncer) TagRPC(ctx context.Context, _ *stats.RPCTagInfo) context.Context { return ctx }
func (a connAnnouncer) HandleRPC(context.Context, stats.RPCStats)                       {}
func (a connAnnouncer) TagConn(ctx context.Context, _ *stats.ConnTagInfo) context.Context {
	return ctx
}
func (a connAnnouncer) HandleConn(_ context.Context, s stats.ConnStats) {
	if _, ok := s.(*stats.ConnBegin); ok {
		a.once.Do(func() { say("host connected") })
	}
}

// grpcServer is plugin.DefaultGRPCServer plus the connection announcer.
func grpcServer(opts []grpc.ServerOption) *grpc.Server {
	return plugin.DefaultGRPCServer(append(opts, grpc.StatsHandler(connAnnouncer{once: &sync.Once{}})))
}

func main() {
	list := os.Getenv("GREETER_PLUGIN_VERSIONS")
	if list == "" {
		list = "1"
	}
	versions, err := shared.ParseVersions(list)
	if err != nil {
		fmt.Fprintf(os.Stderr, "greeter-plugin: GREETER_PLUGIN_VERSIONS: %v\n", err)
		os.Exit(2)
	}
	crashIfAsked("start")

	sets := map[int]plugin.PluginSet{}
	for _, v := range versions {
		sets[v] = plugin.PluginSet{shared.PluginName: &shared.GreeterPlugin{Impl: &greeter{version: v}}}
	}
	plugin.Serve(&plugin.ServeConfig{
		HandshakeConfig: plugin.HandshakeConfig{
			MagicCookieKey:   shared.DefaultCookieKey,
			MagicCookieValue: shared.DefaultCookieValue,
		},
		VersionedPlugins: sets,
		GRPCServer:       grpcServer,
	})
}
