// Command greeter-host is a go-plugin host for the lesson's Greeter, built by the interop tests
// (once per go-plugin version they cover) so that a Python plugin can be tested against the
// real thing.
//
// Usage:
//
//	greeter-host [flags] -- PLUGIN-COMMAND [ARGS...]
//
// It launches the plugin, prints the negotiated protocol version, pings it, calls Greet and
// GreetStream, kills it, and prints one line per step on stdout, in a fixed format tests can
// assert on:
//
//	negotiated: 1
//	ping: ok
//	greet: Hello, world!
//	stream[0]: Hello world, message 0
//	...
//	stream: 5 messages
//	kill: ok
//	exited: true
//
// go-plugin's own log (hclog, to stderr, Trace by default) shows the plugin's stderr lines and
// how the plugin exited ("plugin failed to exit gracefully" when the Kill needed SIGKILL). Any
// failure prints "greeter-host: <step>: <error>" on stderr and exits with status 1; bad usage,
// or a switch the go-plugin it is built with does not have, exits with status 2.
//
// The switches of internal/hostflags turn on go-plugin options: -automtls, -mux, -socket-dir,
// -socket-group, and -stdio (the plugin's stdout lines appear as "stdout: LINE" among the
// lines above, its stderr lines as "stderr: LINE" on stderr). With -reattach JSON it launches
// nothing and talks to the running plugin that go-plugin ReattachConfig describes. -version prints the go-plugin
// version it is built with.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"

	hclog "github.com/hashicorp/go-hclog"
	plugin "github.com/hashicorp/go-plugin"

	"yourapp/internal/hostflags"
	"yourapp/internal/shared"
	pb "yourapp/proto/greeter"
)

type options struct {
	name, locale              string
	ping, stream              bool
	versions                  []int
	cookieKey, cookieValue    string
	startTimeout, callTimeout time.Duration
	logLevel                  hclog.Level
	command                   []string
	host                      *hostflags.Flags
}

// envOr lets the tests set a default through the environment as well as through a flag.
func envOr(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

func parseOptions() (*options, error) {
	o := &options{}
	var versions, level string
	flag.StringVar(&o.name, "name", "world", "GreetRequest.name")
	flag.StringVar(&o.locale, "locale", "", "GreetRequest.locale")
	flag.BoolVar(&o.ping, "ping", true, "ping the plugin (health check) before calling it")
	flag.BoolVar(&o.stream, "stream", true, "call GreetStream after Greet")
	flag.StringVar(&versions, "versions", envOr("GREETER_HOST_VERSIONS", "1"),
		"app protocol versions this host accepts, e.g. 1,2 (env GREETER_HOST_VERSIONS)")
	flag.StringVar(&o.cookieKey, "cookie-key", envOr("GREETER_HOST_COOKIE_KEY", shared.DefaultCookieKey),
		"magic cookie key (env GREETER_HOST_COOKIE_KEY)")
	flag.StringVar(&o.cookieValue, "cookie-value", envOr("GREETER_HOST_COOKIE_VALUE", shared.DefaultCookieValue),
		"magic cookie value (env GREETER_HOST_COOKIE_VALUE)")
	flag.DurationVar(&o.startTimeout, "start-timeout", time.Minute, "how long to wait for the handshake")
	flag.DurationVar(&o.callTimeout, "call-timeout", 30*time.Second, "deadline of each call")
	flag.StringVar(&level, "log-level", "trace", "go-plugin log level on stderr: trace, debug, info, warn, error")
	o.host = hostflags.Register(flag.CommandLine)
	flag.Parse()
	if o.host.Version {
		return o, nil
	}

	var err error
	if o.versions, err = shared.ParseVersions(versions); err != nil {
		return nil, fmt.Errorf("-versions: %v", err)
	}
	if o.logLevel = hclog.LevelFromString(level); o.logLevel == hclog.NoLevel {
		return nil, fmt.Errorf("-log-level: unknown level %q", level)
	}
	if o.command = flag.Args(); len(o.command) == 0 && o.host.Reattach == "" {
		return nil, errors.New("no plugin command: give it after --, e.g. greeter-host -- python3 plugin.py")
	}
	return o, nil
}

// stepError names the step that failed, so the one stderr line says where and why.
type stepError struct {
	step string
	err  error
}

func (e *stepError) Error() string { return fmt.Sprintf("%s: %v", e.step, e.err) }

func fail(step string, err error) error { return &stepError{step, err} }

func run(o *options) error {
	sets := map[int]plugin.PluginSet{}
	for _, v := range o.versions {
		sets[v] = plugin.PluginSet{shared.PluginName: &shared.GreeterPlugin{}}
	}
	config := &plugin.ClientConfig{
		HandshakeConfig: plugin.HandshakeConfig{
			MagicCookieKey:   o.cookieKey,
			MagicCookieValue: o.cookieValue,
		},
		VersionedPlugins: sets,
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC},
		StartTimeout:     o.startTimeout,
	}
	if len(o.command) > 0 {
		config.Cmd = exec.Command(o.command[0], o.command[1:]...)
	} else {
		// A reattached client skips version negotiation, which is what would pick a set out of
		// VersionedPlugins: it dispenses from Plugins (the same Greeter for every version here).
		config.Plugins = plugin.PluginSet{shared.PluginName: &shared.GreeterPlugin{}}
	}
	session, err := o.host.Apply(config, &hclog.LoggerOptions{
		Name:   "greeter-host",
		Level:  o.logLevel,
		Output: os.Stderr,
	})
	if err != nil {
		return err
	}
	client := plugin.NewClient(config)
	killed := false
	defer func() {
		if !killed {
			client.Kill()
		}
	}()

	rpcClient, err := client.Client()
	if err != nil {
		return fail("start", err)
	}
	fmt.Printf("negotiated: %d\n", client.NegotiatedVersion())

	if o.ping {
		if err := rpcClient.Ping(); err != nil {
			return fail("ping", err)
		}
		fmt.Println("ping: ok")
	}

	raw, err := rpcClient.Dispense(shared.PluginName)
	if err != nil {
		return fail("dispense", err)
	}
	greeter := raw.(pb.GreeterClient)
	request := &pb.GreetRequest{Name: o.name, Locale: o.locale}

	ctx, cancel := context.WithTimeout(context.Background(), o.callTimeout)
	resp, err := greeter.Greet(ctx, request)
	cancel()
	if err != nil {
		return fail("greet", err)
	}
	fmt.Printf("greet: %s\n", resp.GetGreeting())

	if o.stream {
		if err := greetStream(greeter, request, o.callTimeout); err != nil {
			return err
		}
	}

	client.Kill()
	killed = true
	if err := session.Finish(10 * time.Second); err != nil {
		return fail("stdio", err)
	}
	fmt.Println("kill: ok")
	fmt.Printf("exited: %t\n", client.Exited())
	return nil
}

func greetStream(greeter pb.GreeterClient, request *pb.GreetRequest, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	stream, err := greeter.GreetStream(ctx, request)
	if err != nil {
		return fail("stream", err)
	}
	count := 0
	for {
		resp, err := stream.Recv()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fail(fmt.Sprintf("stream[%d]", count), err)
		}
		fmt.Printf("stream[%d]: %s\n", count, resp.GetGreeting())
		count++
	}
	fmt.Printf("stream: %d messages\n", count)
	return nil
}

func main() {
	o, err := parseOptions()
	if err != nil {
		fmt.Fprintf(os.Stderr, "greeter-host: %v\n", err)
		os.Exit(2)
	}
	if o.host.Version {
		fmt.Printf("go-plugin %s\n", hostflags.GoPluginVersion())
		return
	}
	if err := run(o); err != nil {
		fmt.Fprintf(os.Stderr, "greeter-host: %v\n", err)
		var usage *hostflags.UsageError
		if errors.As(err, &usage) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}
