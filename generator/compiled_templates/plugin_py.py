# Compiled by jinja2 3.1 from templates/plugin.py.j2: do not edit; see generator.templating.
# sha256 of the template: 37ef591591018505da2a3fbc4231749703fed6c6a0d157162bff1c20dc17d5ad
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'plugin.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_spelling = resolve('spelling')
    l_0_package = resolve('package')
    try:
        t_1 = environment.filters['docstring']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'docstring' found.")
    try:
        t_2 = environment.filters['indented_docstring']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'indented_docstring' found.")
    try:
        t_3 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    pass
    template = environment.get_template('header.j2', 'plugin.py.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    t_4 = []
    pass
    t_4.extend((
        'go-plugin wiring for the ``',
        str(environment.getattr((undefined(name='package') if l_0_package is missing else l_0_package), 'proto_package')),
        '`` plugin protocol.\n\n``HANDSHAKE`` and ``PLUGINS`` are what host and plugin share. Each ``...GRPCPlugin`` serves an\nimplementation in the plugin process (``goplugin.serve``) and gives the host a client with the\nsame interface (``goplugin.Client(...).dispense(name)``).\n',
    ))
    yield t_1(concat(t_4), 0)
    yield '\n\n# isort: skip_file\n'
    if environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'any_deprecated'):
        pass
        yield '# The adapters must use the deprecated names they adapt: only users\' own uses should be flagged.\n# mypy: disable-error-code="deprecated"\n# pyright: reportDeprecated=false\n'
    yield "# grpc's stubs leave its handler and channel functions untyped (grpc-stubs: bare generics).\n# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false\nfrom __future__ import annotations\n\n"
    if environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'any_deprecated'):
        pass
        yield 'import warnings\n'
    if environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'uses_iterator'):
        pass
        yield 'from collections.abc import Iterator\n'
    yield '\nimport goplugin\nimport grpc\n'
    for l_1_line in environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'absolute_imports'):
        _loop_vars = {}
        pass
        yield str(l_1_line)
        yield '\n'
    l_1_line = missing
    yield '\n'
    for l_1_line in environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'relative_imports'):
        _loop_vars = {}
        pass
        yield str(l_1_line)
        yield '\n'
    l_1_line = missing
    yield 'from .interface import '
    yield str(environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'class_names'))
    yield '\n\nHANDSHAKE = goplugin.HandshakeConfig(\n    protocol_version='
    yield str(environment.getattr(environment.getattr((undefined(name='package') if l_0_package is missing else l_0_package), 'handshake'), 'protocol_version'))
    yield ',\n    magic_cookie_key='
    yield str(t_3(environment.getattr(environment.getattr((undefined(name='package') if l_0_package is missing else l_0_package), 'handshake'), 'magic_cookie_key')))
    yield ',\n    magic_cookie_value='
    yield str(t_3(environment.getattr(environment.getattr((undefined(name='package') if l_0_package is missing else l_0_package), 'handshake'), 'magic_cookie_value')))
    yield ',\n)\n"""What host and plugin check before they talk: both sides import it from here."""\n'
    for l_1_s in environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'services'):
        l_1_define = resolve('define')
        _loop_vars = {}
        pass
        yield '\n\nclass '
        yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'server_class'))
        yield ':\n'
        t_5 = []
        pass
        t_5.extend((
            'Serves a ``',
            str(environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name')),
            '`` as the gRPC service ``',
            str(environment.getattr(environment.getattr(l_1_s, 'service'), 'full_name')),
            "`` (plugin side).\n\nOne method per RPC, with the gRPC context added: ``goplugin.serving`` lets the call reach ``goplugin.current_call()`` and turns the implementation's exceptions into gRPC statuses. ``",
            str(environment.getattr(environment.getattr(l_1_s, 'service'), 'plugin_class')),
            '.grpc_server`` registers these methods under their RPC names.\n',
        ))
        yield t_2(concat(t_5), 4)
        yield '\n\n    def __init__(self, impl: '
        yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name'))
        yield ') -> None:\n        self._impl = impl\n'
        for l_2_m in environment.getattr(l_1_s, 'methods'):
            _loop_vars = {}
            pass
            yield '\n'
            yield str(context.call((undefined(name='define') if l_1_define is missing else l_1_define), 4, environment.getattr(l_2_m, 'py_name'), environment.getattr(l_2_m, 'server_params'), environment.getattr(l_2_m, 'response'), _loop_vars=_loop_vars))
            yield '\n        with goplugin.serving(context):\n            '
            yield str(('yield from' if environment.getattr(environment.getattr(l_2_m, 'kind'), 'server_streaming') else 'return'))
            yield ' self._impl.'
            yield str(environment.getattr(l_2_m, 'py_name'))
            yield '('
            yield str(environment.getattr(l_2_m, 'request_param'))
            yield ')\n'
        l_2_m = missing
        yield '\n\nclass '
        yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'client_class'))
        yield '('
        yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name'))
        yield '):\n'
        t_6 = []
        pass
        t_6.extend((
            'Calls the ``',
            str(environment.getattr(environment.getattr(l_1_s, 'service'), 'plugin_name')),
            '`` plugin over gRPC: a ``',
            str(environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name')),
            '`` for the host.\n\nWhat ``dispense`` returns. Failed calls raise ``goplugin.RPCError`` subclasses; wrap calls in ``goplugin.call_options(timeout=...)`` to give them a deadline or metadata.\n',
        ))
        yield t_2(concat(t_6), 4)
        yield '\n'
        if environment.getattr(l_1_s, 'methods'):
            pass
            yield '\n'
        for l_2_m in environment.getattr(l_1_s, 'methods'):
            l_2_annotated = resolve('annotated')
            _loop_vars = {}
            pass
            yield str(context.call((undefined(name='annotated') if l_2_annotated is missing else l_2_annotated), 4, environment.getattr(l_2_m, 'client_attribute'), environment.getattr(environment.getattr(l_2_m, 'kind'), 'multicallable'), environment.getattr(l_2_m, 'multicallable_arguments'), _loop_vars=_loop_vars))
            yield '\n'
        l_2_m = l_2_annotated = missing
        yield '\n    def __init__(self, channel: grpc.Channel) -> None:\n'
        t_7 = 1
        for l_2_m in environment.getattr(l_1_s, 'methods'):
            _loop_vars = {}
            pass
            yield '        self.'
            yield str(environment.getattr(l_2_m, 'client_attribute'))
            yield ' = channel.'
            yield str(environment.getattr(environment.getattr(l_2_m, 'kind'), 'channel_method'))
            yield '(\n            '
            yield str(t_3(environment.getattr(l_2_m, 'path')))
            yield ',\n            request_serializer='
            yield str(environment.getattr(l_2_m, 'request_class'))
            yield '.SerializeToString,\n            response_deserializer='
            yield str(environment.getattr(l_2_m, 'response_class'))
            yield '.FromString,\n        )\n'
            t_7 = 0
        l_2_m = missing
        if t_7:
            pass
            yield '        """``'
            yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'full_name'))
            yield '`` has no RPCs: there is nothing to call."""\n'
        for l_2_m in environment.getattr(l_1_s, 'methods'):
            _loop_vars = {}
            pass
            yield '\n'
            yield str(context.call((undefined(name='define') if l_1_define is missing else l_1_define), 4, environment.getattr(l_2_m, 'py_name'), environment.getattr(l_2_m, 'interface_params'), environment.getattr(l_2_m, 'response'), _loop_vars=_loop_vars))
            yield '\n'
            if environment.getattr(l_2_m, 'deprecated'):
                pass
                yield '        warnings.warn('
                yield str(t_3(environment.getattr(l_2_m, 'deprecation_warning')))
                yield ', DeprecationWarning, stacklevel=2)\n'
            if environment.getattr(environment.getattr(l_2_m, 'kind'), 'server_streaming'):
                pass
                yield '        return iter(self.'
                yield str(environment.getattr(l_2_m, 'client_attribute'))
                yield '('
                yield str(environment.getattr(l_2_m, 'request_param'))
                yield '))\n'
            else:
                pass
                yield '        return self.'
                yield str(environment.getattr(l_2_m, 'client_attribute'))
                yield '('
                yield str(environment.getattr(l_2_m, 'request_param'))
                yield ')\n'
        l_2_m = missing
        yield '\n\nclass '
        yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'plugin_class'))
        yield '(goplugin.GRPCPlugin):\n'
        t_8 = []
        pass
        t_8.extend((
            'The ``',
            str(environment.getattr(environment.getattr(l_1_s, 'service'), 'plugin_name')),
            "`` plugin: go-plugin's GRPCPlugin for ``",
            str(environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name')),
            '``.\n\nThe plugin process constructs it with the implementation to serve; a host constructs it\nwith none (``goplugin.Client`` does, from ``PLUGINS``).\n',
        ))
        yield t_2(concat(t_8), 4)
        yield '\n\n    def __init__(self, impl: '
        yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name'))
        yield ' | None = None) -> None:\n        self._impl = impl\n\n    def grpc_server(self, broker: goplugin.GRPCBroker, server: grpc.Server) -> None:\n        if self._impl is None:\n            raise TypeError(\n                f"{type(self).__name__} has no implementation to serve: construct it with one "\n                "in the plugins given to goplugin.serve()"\n            )\n'
        if environment.getattr(l_1_s, 'methods'):
            pass
            yield '        adapter = '
            yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'server_class'))
            yield '(self._impl)\n'
        yield '        service = grpc.method_handlers_generic_handler(\n            '
        yield str(t_3(environment.getattr(environment.getattr(l_1_s, 'service'), 'full_name')))
        yield ',\n            {\n'
        for l_2_m in environment.getattr(l_1_s, 'methods'):
            _loop_vars = {}
            pass
            yield '                '
            yield str(t_3(environment.getattr(l_2_m, 'name')))
            yield ': '
            yield str(environment.getattr(environment.getattr(l_2_m, 'kind'), 'handler_factory'))
            yield '(\n                    adapter.'
            yield str(environment.getattr(l_2_m, 'py_name'))
            yield ',\n                    request_deserializer='
            yield str(environment.getattr(l_2_m, 'request_class'))
            yield '.FromString,\n                    response_serializer='
            yield str(environment.getattr(l_2_m, 'response_class'))
            yield '.SerializeToString,\n                ),\n'
        l_2_m = missing
        yield '            },\n        )\n        server.add_generic_rpc_handlers((service,))\n\n'
        yield str(context.call((undefined(name='define') if l_1_define is missing else l_1_define), 4, 'grpc_client', ['self', 'broker: goplugin.GRPCBroker', 'channel: grpc.Channel'], environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name'), _loop_vars=_loop_vars))
        yield '\n        return '
        yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'client_class'))
        yield '(channel)\n'
    l_1_s = l_1_define = missing
    yield '\n\nPLUGINS: dict[str, type[goplugin.GRPCPlugin]] = {\n'
    for l_1_s in environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'services'):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_3(environment.getattr(environment.getattr(l_1_s, 'service'), 'plugin_name')))
        yield ': '
        yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'plugin_class'))
        yield ',\n'
    l_1_s = missing
    yield '}\n"""The plugin set, plugin name -> plugin class: ``goplugin.Client(plugins=PLUGINS, ...)``."""\n'

blocks = {}
debug_info = '1=31&3=41&2=44&12=46&21=50&24=53&30=57&31=60&34=64&35=67&37=71&40=73&41=75&42=77&45=79&48=84&50=90&52=94&49=97&56=99&58=101&60=105&62=107&66=115&68=123&67=128&73=130&76=133&77=137&81=142&82=146&83=150&84=152&85=154&88=161&90=163&92=167&93=169&94=172&96=174&97=177&99=184&104=190&106=196&105=201&113=203&122=205&123=208&126=211&128=213&129=217&130=221&131=223&132=225&139=229&140=231&145=235&146=239'
