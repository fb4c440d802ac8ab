# Compiled by jinja2 3.1 from templates/plugin.py.j2: do not edit; see tools/templates.py.
# sha256 of the template: 58e40e300a79ab113d8d50f6455fdfc17defbcff881bf893368bb1bf6a8493cc
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
    l_0_handlers = missing
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
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'handlers': l_0_handlers}))
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
    if environment.getattr((undefined(name='package') if l_0_package is missing else l_0_package), 'broker_services'):
        pass
        t_4.append(
            '\n',
        )
        l_2_loop = missing
        for l_2_s, l_2_loop in LoopContext(environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'broker_services'), undefined):
            _loop_vars = {}
            pass
            t_4.extend((
                '``',
                str(environment.getattr(environment.getattr(l_2_s, 'service'), 'serve_function')),
                '``',
                str((', ' if (not environment.getattr(l_2_loop, 'last')) else '')),
            ))
        l_2_loop = l_2_s = missing
        t_4.append(
            ' and ',
        )
        l_2_loop = missing
        for l_2_s, l_2_loop in LoopContext(environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'broker_services'), undefined):
            _loop_vars = {}
            pass
            t_4.extend((
                '``',
                str(environment.getattr(environment.getattr(l_2_s, 'service'), 'dial_function')),
                '``',
                str((', ' if (not environment.getattr(l_2_loop, 'last')) else '')),
            ))
        l_2_loop = l_2_s = missing
        t_4.append(
            " carry the services one side serves to the other through go-plugin's GRPCBroker: serve an implementation, send the returned id in a request, and the receiver dials it for a client with the same interface. Reach the broker as ``client.broker`` in a host and ``goplugin.current_broker()`` inside a call.\n",
        )
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
    yield '\n\n'
    def macro(l_1_s, l_1_pad):
        t_5 = []
        if l_1_s is missing:
            l_1_s = undefined("parameter 's' was not provided", name='s')
        if l_1_pad is missing:
            l_1_pad = undefined("parameter 'pad' was not provided", name='pad')
        pass
        t_5.extend((
            str(l_1_pad),
            'service = grpc.method_handlers_generic_handler(\n',
            str(l_1_pad),
            '    ',
            str(t_3(environment.getattr(environment.getattr(l_1_s, 'proto'), 'full_name'))),
            ',\n',
            str(l_1_pad),
            '    {\n',
        ))
        for l_2_m in environment.getattr(l_1_s, 'methods'):
            _loop_vars = {}
            pass
            t_5.extend((
                str(l_1_pad),
                '        ',
                str(t_3(environment.getattr(l_2_m, 'name'))),
                ': ',
                str(environment.getattr(l_2_m, 'handler_factory')),
                '(\n',
                str(l_1_pad),
                '            adapter.',
                str(environment.getattr(l_2_m, 'py_name')),
                ',\n',
                str(l_1_pad),
                '            request_deserializer=',
                str(environment.getattr(l_2_m, 'request_class')),
                '.FromString,\n',
                str(l_1_pad),
                '            response_serializer=',
                str(environment.getattr(l_2_m, 'response_class')),
                '.SerializeToString,\n',
                str(l_1_pad),
                '        ),\n',
            ))
        l_2_m = missing
        t_5.extend((
            str(l_1_pad),
            '    },\n',
            str(l_1_pad),
            ')',
        ))
        return concat(t_5)
    context.exported_vars.add('handlers')
    context.vars['handlers'] = l_0_handlers = Macro(environment, macro, 'handlers', ('s', 'pad'), False, False, False, context.eval_ctx.autoescape)
    yield 'HANDSHAKE = goplugin.HandshakeConfig(\n    protocol_version='
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
        t_6 = []
        pass
        t_6.extend((
            'Serves a ``',
            str(environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name')),
            '`` as the gRPC service ``',
            str(environment.getattr(environment.getattr(l_1_s, 'proto'), 'full_name')),
            '`` (',
            str(('serving side' if environment.getattr(environment.getattr(l_1_s, 'proto'), 'broker') else 'plugin side')),
            ").\n\nOne method per RPC, with the gRPC context added: ``goplugin.serving`` lets the call reach ``goplugin.current_call()`` and ``goplugin.current_broker()`` and turns the implementation's exceptions into gRPC statuses. ``",
            str((environment.getattr(environment.getattr(l_1_s, 'service'), 'serve_function') if environment.getattr(environment.getattr(l_1_s, 'proto'), 'broker') else (environment.getattr(environment.getattr(l_1_s, 'service'), 'plugin_class') + '.grpc_server'))),
            '`` registers these methods under their RPC names.\n',
        ))
        yield t_2(concat(t_6), 4)
        yield '\n\n'
        yield str(context.call((undefined(name='define') if l_1_define is missing else l_1_define), 4, '__init__', ['self', ('impl: ' + environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name')), 'broker: goplugin.GRPCBroker | None = None'], 'None', _loop_vars=_loop_vars))
        yield '\n        self._impl = impl\n        self._broker = broker\n'
        for l_2_m in environment.getattr(l_1_s, 'methods'):
            _loop_vars = {}
            pass
            yield '\n'
            yield str(context.call((undefined(name='define') if l_1_define is missing else l_1_define), 4, environment.getattr(l_2_m, 'py_name'), environment.getattr(l_2_m, 'server_params'), environment.getattr(l_2_m, 'response'), _loop_vars=_loop_vars))
            yield '\n        with goplugin.serving(context, self._broker):\n            '
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
        t_7 = []
        pass
        if environment.getattr(environment.getattr(l_1_s, 'proto'), 'broker'):
            pass
            t_7.extend((
                'Calls the ``',
                str(environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name')),
                '`` that the other side serves through the broker.\n\nWhat ``',
                str(environment.getattr(environment.getattr(l_1_s, 'service'), 'dial_function')),
                '`` returns. Failed calls raise ``goplugin.RPCError`` subclasses; wrap calls in ``goplugin.call_options(timeout=...)`` to give them a deadline or metadata.\n',
            ))
        else:
            pass
            t_7.extend((
                'Calls the ``',
                str(environment.getattr(environment.getattr(l_1_s, 'proto'), 'plugin_name')),
                '`` plugin over gRPC: a ``',
                str(environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name')),
                '`` for the host.\n\nWhat ``dispense`` returns. Failed calls raise ``goplugin.RPCError`` subclasses; wrap calls in ``goplugin.call_options(timeout=...)`` to give them a deadline or metadata.\n',
            ))
        yield t_2(concat(t_7), 4)
        yield '\n'
        if environment.getattr(l_1_s, 'methods'):
            pass
            yield '\n'
        for l_2_m in environment.getattr(l_1_s, 'methods'):
            l_2_annotated = resolve('annotated')
            _loop_vars = {}
            pass
            yield str(context.call((undefined(name='annotated') if l_2_annotated is missing else l_2_annotated), 4, environment.getattr(l_2_m, 'client_attribute'), environment.getattr(l_2_m, 'multicallable'), environment.getattr(l_2_m, 'multicallable_arguments'), _loop_vars=_loop_vars))
            yield '\n'
        l_2_m = l_2_annotated = missing
        yield '\n    def __init__(self, channel: grpc.Channel) -> None:\n'
        t_8 = 1
        for l_2_m in environment.getattr(l_1_s, 'methods'):
            _loop_vars = {}
            pass
            yield '        self.'
            yield str(environment.getattr(l_2_m, 'client_attribute'))
            yield ' = channel.'
            yield str(environment.getattr(l_2_m, 'channel_method'))
            yield '(\n            '
            yield str(t_3(environment.getattr(l_2_m, 'path')))
            yield ',\n            request_serializer='
            yield str(environment.getattr(l_2_m, 'request_class'))
            yield '.SerializeToString,\n            response_deserializer='
            yield str(environment.getattr(l_2_m, 'response_class'))
            yield '.FromString,\n        )\n'
            t_8 = 0
        l_2_m = missing
        if t_8:
            pass
            yield '        """``'
            yield str(environment.getattr(environment.getattr(l_1_s, 'proto'), 'full_name'))
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
        if environment.getattr(environment.getattr(l_1_s, 'proto'), 'broker'):
            pass
            yield '\n\n'
            yield str(context.call((undefined(name='define') if l_1_define is missing else l_1_define), 0, environment.getattr(environment.getattr(l_1_s, 'service'), 'serve_function'), ['broker: goplugin.GRPCBroker', ('impl: ' + environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name'))], 'int', _loop_vars=_loop_vars))
            yield '\n'
            t_9 = []
            pass
            t_9.extend((
                'Serve ``impl`` to the other side through ``broker``; returns the id to send it in a request.\n\nThe other side gets a ``',
                str(environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name')),
                '`` for the id from ``',
                str(environment.getattr(environment.getattr(l_1_s, 'service'), 'dial_function')),
                '``. The server runs until the broker closes (when the plugin exits or is killed), or until ``broker.stop_serving(id)``.\n',
            ))
            yield t_2(concat(t_9), 4)
            yield '\n'
            if environment.getattr(l_1_s, 'methods'):
                pass
                yield '    adapter = '
                yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'server_class'))
                yield '(impl, broker)\n'
            yield str(context.call((undefined(name='handlers') if l_0_handlers is missing else l_0_handlers), l_1_s, '    ', _loop_vars=_loop_vars))
            yield '\n    service_id = broker.next_id()\n    broker.accept_and_serve(service_id, lambda server: server.add_generic_rpc_handlers((service,)))\n    return service_id\n\n\n'
            yield str(context.call((undefined(name='define') if l_1_define is missing else l_1_define), 0, environment.getattr(environment.getattr(l_1_s, 'service'), 'dial_function'), ['broker: goplugin.GRPCBroker', 'service_id: int'], environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name'), _loop_vars=_loop_vars))
            yield '\n'
            t_10 = []
            pass
            t_10.extend((
                'The ``',
                str(environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name')),
                '`` the other side serves under ``service_id`` (sent in a request).\n\nWaits up to 5 s for the other side to announce it, as go-plugin does; each id is dialled once.\n',
            ))
            yield t_2(concat(t_10), 4)
            yield '\n    return '
            yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'client_class'))
            yield '(broker.dial(service_id))\n'
        else:
            pass
            yield '\n\nclass '
            yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'plugin_class'))
            yield '(goplugin.GRPCPlugin):\n'
            t_11 = []
            pass
            t_11.extend((
                'The ``',
                str(environment.getattr(environment.getattr(l_1_s, 'proto'), 'plugin_name')),
                "`` plugin: go-plugin's GRPCPlugin for ``",
                str(environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name')),
                '``.\n\nThe plugin process constructs it with the implementation to serve; a host constructs it\nwith none (``goplugin.Client`` does, from ``PLUGINS``).\n',
            ))
            yield t_2(concat(t_11), 4)
            yield '\n\n    def __init__(self, impl: '
            yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name'))
            yield ' | None = None) -> None:\n        self._impl = impl\n\n    def grpc_server(self, broker: goplugin.GRPCBroker, server: grpc.Server) -> None:\n        if self._impl is None:\n            raise TypeError(\n                f"{type(self).__name__} has no implementation to serve: construct it with one "\n                "in the plugins given to goplugin.serve()"\n            )\n'
            if environment.getattr(l_1_s, 'methods'):
                pass
                yield '        adapter = '
                yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'server_class'))
                yield '(self._impl, broker)\n'
            yield str(context.call((undefined(name='handlers') if l_0_handlers is missing else l_0_handlers), l_1_s, '        ', _loop_vars=_loop_vars))
            yield '\n        server.add_generic_rpc_handlers((service,))\n\n'
            yield str(context.call((undefined(name='define') if l_1_define is missing else l_1_define), 4, 'grpc_client', ['self', 'broker: goplugin.GRPCBroker', 'channel: grpc.Channel'], environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name'), _loop_vars=_loop_vars))
            yield '\n        return '
            yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'client_class'))
            yield '(channel)\n'
    l_1_s = l_1_define = missing
    yield '\n\nPLUGINS: dict[str, type[goplugin.GRPCPlugin]] = {\n'
    for l_1_s in environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'plugin_services'):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_3(environment.getattr(environment.getattr(l_1_s, 'proto'), 'plugin_name')))
        yield ': '
        yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'plugin_class'))
        yield ',\n'
    l_1_s = missing
    yield '}\n"""The plugin set, plugin name -> plugin class: ``goplugin.Client(plugins=PLUGINS, ...)``."""\n'

blocks = {}
debug_info = '1=32&3=42&8=45&10=51&2=78&16=80&25=84&28=87&34=91&35=94&38=98&39=101&41=105&43=107&44=115&45=117&46=121&47=124&48=128&49=134&50=138&51=142&52=146&54=151&55=153&57=160&58=162&59=164&62=166&65=171&67=177&69=183&66=186&73=188&76=190&78=194&80=196&84=204&86=210&87=214&89=216&91=223&85=228&97=230&100=233&101=237&105=242&106=246&107=250&108=252&109=254&112=261&114=263&116=267&117=269&118=272&120=274&121=277&123=284&126=289&129=292&133=298&130=303&136=305&137=308&139=310&145=312&147=318&146=321&152=323&156=328&158=334&157=339&165=341&174=343&175=346&177=348&180=350&181=352&187=356&188=360'
