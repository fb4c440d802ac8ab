# Compiled by jinja2 3.1 from templates/plugin.py.j2: do not edit; see tools/templates.py.
# CRC-32 and size of the template: 90b2f850, 10639 bytes
from ..template_runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'plugin.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_spelling = resolve('spelling')
    l_0_from_import = resolve('from_import')
    l_0_package = resolve('package')
    l_0_register = missing
    try:
        t_1 = environment.filters['docstring']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'docstring' found.")
    try:
        t_2 = environment.filters['indent']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'indent' found.")
    try:
        t_3 = environment.filters['indented_docstring']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'indented_docstring' found.")
    try:
        t_4 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    pass
    template = environment.get_template('header.j2', 'plugin.py.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'register': l_0_register}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    t_5 = []
    pass
    t_5.extend((
        'go-plugin wiring for the ``',
        str(environment.getattr((undefined(name='package') if l_0_package is missing else l_0_package), 'proto_package')),
        '`` plugin protocol.\n\n``HANDSHAKE`` and ``PLUGINS`` are what host and plugin share. Each ``...GRPCPlugin`` serves an\nimplementation in the plugin process (``goplugin.serve``) and gives the host a client with the\nsame interface (``goplugin.Client(...).dispense(name)``), or with its ``Async...`` interface\n(``await goplugin.AsyncClient(...).dispense(name)``).\n',
    ))
    if environment.getattr((undefined(name='package') if l_0_package is missing else l_0_package), 'broker_services'):
        pass
        t_5.append(
            '\n',
        )
        l_2_loop = missing
        for l_2_s, l_2_loop in LoopContext(environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'broker_services'), undefined):
            _loop_vars = {}
            pass
            t_5.extend((
                '``',
                str(environment.getattr(environment.getattr(l_2_s, 'service'), 'serve_function')),
                '``',
                str((', ' if (not environment.getattr(l_2_loop, 'last')) else '')),
            ))
        l_2_loop = l_2_s = missing
        t_5.append(
            ' and ',
        )
        l_2_loop = missing
        for l_2_s, l_2_loop in LoopContext(environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'broker_services'), undefined):
            _loop_vars = {}
            pass
            t_5.extend((
                '``',
                str(environment.getattr(environment.getattr(l_2_s, 'service'), 'dial_function')),
                '``',
                str((', ' if (not environment.getattr(l_2_loop, 'last')) else '')),
            ))
        l_2_loop = l_2_s = missing
        t_5.append(
            " carry the services one side serves to the other through go-plugin's GRPCBroker: serve an implementation, send the returned id in a request, and the receiver dials it for a client with the same interface (",
        )
        l_2_loop = missing
        for l_2_s, l_2_loop in LoopContext(environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'broker_services'), undefined):
            _loop_vars = {}
            pass
            t_5.extend((
                '``',
                str(environment.getattr(environment.getattr(l_2_s, 'service'), 'adial_function')),
                '``',
                str((', ' if (not environment.getattr(l_2_loop, 'last')) else '')),
            ))
        l_2_loop = l_2_s = missing
        t_5.append(
            ' for the ``Async...`` one, from ``async def`` code). Reach the broker as ``client.broker`` in a host and ``goplugin.current_broker()`` inside a call.\n',
        )
    yield t_1(concat(t_5), 0)
    yield '\n\n# isort: skip_file\n'
    if environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'any_deprecated'):
        pass
        yield '# The adapters must use the deprecated names they adapt: only users\' own uses should be flagged.\n# mypy: disable-error-code="deprecated"\n# pyright: reportDeprecated=false\n'
    yield 'from __future__ import annotations\n\n'
    if environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'warns'):
        pass
        yield 'import warnings\n'
    if environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'uses_iterator'):
        pass
        yield 'from collections.abc import '
        yield str(('AsyncIterator, ' if environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'async_client_streams') else cond_expr_undefined("the inline if-expression on line 28 in 'plugin.py.j2' evaluated to false and no else section was defined.")))
        yield 'Iterator\n'
    if (environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'warns') or environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'uses_iterator')):
        pass
        yield '\n'
    yield 'import goplugin\n'
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
    yield str(context.call((undefined(name='from_import') if l_0_from_import is missing else l_0_from_import), '.interface', environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'class_names')))
    yield '\n\n'
    def macro(l_1_s, l_1_impl):
        t_6 = []
        if l_1_s is missing:
            l_1_s = undefined("parameter 's' was not provided", name='s')
        if l_1_impl is missing:
            l_1_impl = undefined("parameter 'impl' was not provided", name='impl')
        pass
        t_6.extend((
            'server.register(\n    ',
            str(environment.getattr(environment.getattr(l_1_s, 'service'), 'server_class')),
            '.SERVICE,\n',
        ))
        if environment.getattr(l_1_s, 'methods'):
            pass
            t_6.append(
                '    {\n',
            )
            for l_2_m in environment.getattr(l_1_s, 'methods'):
                _loop_vars = {}
                pass
                t_6.extend((
                    '        ',
                    str(t_4(environment.getattr(l_2_m, 'name'))),
                    ': ',
                    str(l_1_impl),
                    '.',
                    str(environment.getattr(l_2_m, 'py_name')),
                    ',\n',
                ))
            l_2_m = missing
            t_6.append(
                '    },\n',
            )
        else:
            pass
            t_6.append(
                '    {},\n',
            )
        t_6.append(
            ')',
        )
        return concat(t_6)
    context.exported_vars.add('register')
    context.vars['register'] = l_0_register = Macro(environment, macro, 'register', ('s', 'impl'), False, False, False, context.eval_ctx.autoescape)
    yield 'HANDSHAKE = goplugin.HandshakeConfig(\n    protocol_version='
    yield str(environment.getattr(environment.getattr((undefined(name='package') if l_0_package is missing else l_0_package), 'handshake'), 'protocol_version'))
    yield ',\n    magic_cookie_key='
    yield str(t_4(environment.getattr(environment.getattr((undefined(name='package') if l_0_package is missing else l_0_package), 'handshake'), 'magic_cookie_key')))
    yield ',\n    magic_cookie_value='
    yield str(t_4(environment.getattr(environment.getattr((undefined(name='package') if l_0_package is missing else l_0_package), 'handshake'), 'magic_cookie_value')))
    yield ',\n)\n"""What host and plugin check before they talk: both sides import it from here."""\n'
    for l_1_s in environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'services'):
        l_1_define = resolve('define')
        _loop_vars = {}
        pass
        yield '\n\nclass '
        yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'server_class'))
        yield ':\n'
        t_7 = []
        pass
        t_7.extend((
            'Serves a ``',
            str(environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name')),
            '`` as the gRPC service ``',
            str(environment.getattr(environment.getattr(l_1_s, 'proto'), 'full_name')),
            '`` (',
            str(('serving side' if environment.getattr(environment.getattr(l_1_s, 'proto'), 'broker') else 'plugin side')),
            ").\n\n``SERVICE`` describes the service to goplugin, which serves each implementation method under its RPC name: inside a call ``goplugin.current_call()`` and ``goplugin.current_broker()`` work, and the implementation's exceptions become gRPC statuses. ``",
            str((environment.getattr(environment.getattr(l_1_s, 'service'), 'serve_function') if environment.getattr(environment.getattr(l_1_s, 'proto'), 'broker') else (environment.getattr(environment.getattr(l_1_s, 'service'), 'plugin_class') + '.grpc_server'))),
            '`` registers an implementation with ``register``.\n',
        ))
        yield t_3(concat(t_7), 4)
        yield '\n\n    SERVICE = goplugin.ServiceSpec(\n        '
        yield str(t_4(environment.getattr(environment.getattr(l_1_s, 'proto'), 'full_name')))
        yield ',\n'
        for l_2_m in environment.getattr(l_1_s, 'methods'):
            l_2_call = resolve('call')
            _loop_vars = {}
            pass
            yield str(context.call((undefined(name='call') if l_2_call is missing else l_2_call), 8, environment.getattr(l_2_m, 'spec_factory'), [t_4(environment.getattr(l_2_m, 'name')), environment.getattr(l_2_m, 'request_class'), environment.getattr(l_2_m, 'response_class')], ',', _loop_vars=_loop_vars))
            yield '\n'
        l_2_m = l_2_call = missing
        yield '    )\n\n'
        yield str(context.call((undefined(name='define') if l_1_define is missing else l_1_define), 4, '__init__', ['self', ((('impl: ' + environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name')) + ' | ') + environment.getattr(environment.getattr(l_1_s, 'service'), 'async_class'))], 'None', _loop_vars=_loop_vars))
        yield '\n        self._impl = impl\n\n    def register(self, server: goplugin.ServiceRegistry) -> None:\n'
        yield str(t_2(context.call((undefined(name='register') if l_0_register is missing else l_0_register), l_1_s, 'self._impl', _loop_vars=_loop_vars), 8, first=True))
        yield '\n\n\nclass '
        yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'client_class'))
        yield '('
        yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name'))
        yield '):\n'
        t_8 = []
        pass
        if environment.getattr(environment.getattr(l_1_s, 'proto'), 'broker'):
            pass
            t_8.extend((
                'Calls the ``',
                str(environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name')),
                '`` that the other side serves through the broker.\n\nWhat ``',
                str(environment.getattr(environment.getattr(l_1_s, 'service'), 'dial_function')),
                '`` returns. Failed calls raise ``goplugin.RPCError`` subclasses; wrap calls in ``goplugin.call_options(timeout=...)`` to give them a deadline or metadata.\n',
            ))
        else:
            pass
            t_8.extend((
                'Calls the ``',
                str(environment.getattr(environment.getattr(l_1_s, 'proto'), 'plugin_name')),
                '`` plugin over gRPC: a ``',
                str(environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name')),
                '`` for the host.\n\nWhat ``dispense`` returns. Failed calls raise ``goplugin.RPCError`` subclasses; wrap calls in ``goplugin.call_options(timeout=...)`` to give them a deadline or metadata.\n',
            ))
        yield t_3(concat(t_8), 4)
        yield '\n'
        if environment.getattr(l_1_s, 'methods'):
            pass
            yield '\n'
        for l_2_m in environment.getattr(l_1_s, 'methods'):
            l_2_annotated = resolve('annotated')
            _loop_vars = {}
            pass
            yield str(context.call((undefined(name='annotated') if l_2_annotated is missing else l_2_annotated), 4, environment.getattr(l_2_m, 'client_attribute'), environment.getattr(l_2_m, 'call_type'), environment.getattr(l_2_m, 'multicallable_arguments'), _loop_vars=_loop_vars))
            yield '\n'
        l_2_m = l_2_annotated = missing
        yield '\n    def __init__(self, channel: goplugin.Channel) -> None:\n'
        t_9 = 1
        for l_2_m in environment.getattr(l_1_s, 'methods'):
            l_2_call = resolve('call')
            _loop_vars = {}
            pass
            yield str(context.call((undefined(name='call') if l_2_call is missing else l_2_call), 8, (('self.' + environment.getattr(l_2_m, 'client_attribute')) + ' = channel.method'), [(environment.getattr(environment.getattr(l_1_s, 'service'), 'server_class') + '.SERVICE'), t_4(environment.getattr(l_2_m, 'name'))], _loop_vars=_loop_vars))
            yield '\n'
            t_9 = 0
        l_2_m = l_2_call = missing
        if t_9:
            pass
            yield '        """``'
            yield str(environment.getattr(environment.getattr(l_1_s, 'proto'), 'full_name'))
            yield '`` has no RPCs: there is nothing to call."""\n'
        for l_2_m in environment.getattr(l_1_s, 'methods'):
            l_2_call = resolve('call')
            _loop_vars = {}
            pass
            yield '\n'
            yield str(context.call((undefined(name='define') if l_1_define is missing else l_1_define), 4, environment.getattr(l_2_m, 'py_name'), environment.getattr(l_2_m, 'interface_params'), environment.getattr(l_2_m, 'response'), _loop_vars=_loop_vars))
            yield '\n'
            if environment.getattr(l_2_m, 'deprecated'):
                pass
                yield str(context.call((undefined(name='call') if l_2_call is missing else l_2_call), 8, 'warnings.warn', [t_4(environment.getattr(l_2_m, 'deprecation_warning')), 'DeprecationWarning', 'stacklevel=2'], _loop_vars=_loop_vars))
                yield '\n'
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
        l_2_m = l_2_call = missing
        yield '\n\nclass '
        yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'async_client_class'))
        yield '('
        yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'async_class'))
        yield '):\n'
        t_10 = []
        pass
        if environment.getattr(environment.getattr(l_1_s, 'proto'), 'broker'):
            pass
            t_10.extend((
                'Calls the ``',
                str(environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name')),
                '`` that the other side serves through the broker, from an event loop.\n\nWhat ``',
                str(environment.getattr(environment.getattr(l_1_s, 'service'), 'adial_function')),
                '`` returns. Failed calls raise ``goplugin.RPCError`` subclasses; wrap calls in ``goplugin.call_options(timeout=...)`` to give them a deadline or metadata. Cancelling the task awaiting a call, or leaving an ``async for`` over a stream early, cancels the call on the other side too.\n',
            ))
        else:
            pass
            t_10.extend((
                'Calls the ``',
                str(environment.getattr(environment.getattr(l_1_s, 'proto'), 'plugin_name')),
                '`` plugin over gRPC from an event loop: an ``',
                str(environment.getattr(environment.getattr(l_1_s, 'service'), 'async_class')),
                "`` for the host.\n\nWhat ``goplugin.AsyncClient``'s ``dispense`` returns. Failed calls raise ``goplugin.RPCError`` subclasses; wrap calls in ``goplugin.call_options(timeout=...)`` to give them a deadline or metadata. Cancelling the task awaiting a call, or leaving an ``async for`` over a stream early, cancels the call in the plugin too.\n",
            ))
        yield t_3(concat(t_10), 4)
        yield '\n'
        if environment.getattr(l_1_s, 'methods'):
            pass
            yield '\n'
        for l_2_m in environment.getattr(l_1_s, 'methods'):
            l_2_annotated = resolve('annotated')
            _loop_vars = {}
            pass
            yield str(context.call((undefined(name='annotated') if l_2_annotated is missing else l_2_annotated), 4, environment.getattr(l_2_m, 'client_attribute'), environment.getattr(l_2_m, 'async_call_type'), environment.getattr(l_2_m, 'multicallable_arguments'), _loop_vars=_loop_vars))
            yield '\n'
        l_2_m = l_2_annotated = missing
        yield '\n    def __init__(self, channel: goplugin.AsyncChannel) -> None:\n'
        t_11 = 1
        for l_2_m in environment.getattr(l_1_s, 'methods'):
            l_2_call = resolve('call')
            _loop_vars = {}
            pass
            yield str(context.call((undefined(name='call') if l_2_call is missing else l_2_call), 8, (('self.' + environment.getattr(l_2_m, 'client_attribute')) + ' = channel.method'), [(environment.getattr(environment.getattr(l_1_s, 'service'), 'server_class') + '.SERVICE'), t_4(environment.getattr(l_2_m, 'name'))], _loop_vars=_loop_vars))
            yield '\n'
            t_11 = 0
        l_2_m = l_2_call = missing
        if t_11:
            pass
            yield '        """``'
            yield str(environment.getattr(environment.getattr(l_1_s, 'proto'), 'full_name'))
            yield '`` has no RPCs: there is nothing to call."""\n'
        for l_2_m in environment.getattr(l_1_s, 'methods'):
            l_2_call = resolve('call')
            _loop_vars = {}
            pass
            yield '\n'
            yield str(context.call((undefined(name='define') if l_1_define is missing else l_1_define), 4, environment.getattr(l_2_m, 'py_name'), environment.getattr(l_2_m, 'async_params'), environment.getattr(l_2_m, 'async_response'), '', ('def' if environment.getattr(environment.getattr(l_2_m, 'kind'), 'server_streaming') else 'async def'), _loop_vars=_loop_vars))
            yield '\n'
            if environment.getattr(l_2_m, 'deprecated'):
                pass
                yield str(context.call((undefined(name='call') if l_2_call is missing else l_2_call), 8, 'warnings.warn', [t_4(environment.getattr(l_2_m, 'deprecation_warning')), 'DeprecationWarning', 'stacklevel=2'], _loop_vars=_loop_vars))
                yield '\n'
            if environment.getattr(environment.getattr(l_2_m, 'kind'), 'server_streaming'):
                pass
                yield '        return self.'
                yield str(environment.getattr(l_2_m, 'client_attribute'))
                yield '('
                yield str(environment.getattr(l_2_m, 'request_param'))
                yield ')\n'
            else:
                pass
                yield '        return await self.'
                yield str(environment.getattr(l_2_m, 'client_attribute'))
                yield '('
                yield str(environment.getattr(l_2_m, 'request_param'))
                yield ')\n'
        l_2_m = l_2_call = missing
        if environment.getattr(environment.getattr(l_1_s, 'proto'), 'broker'):
            pass
            yield '\n\n'
            yield str(context.call((undefined(name='define') if l_1_define is missing else l_1_define), 0, environment.getattr(environment.getattr(l_1_s, 'service'), 'serve_function'), ['broker: goplugin.GRPCBroker', ((('impl: ' + environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name')) + ' | ') + environment.getattr(environment.getattr(l_1_s, 'service'), 'async_class'))], 'int', _loop_vars=_loop_vars))
            yield '\n'
            t_12 = []
            pass
            t_12.extend((
                'Serve ``impl`` to the other side through ``broker``; returns the id to send it in a request.\n\nThe other side gets a ``',
                str(environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name')),
                '`` for the id from ``',
                str(environment.getattr(environment.getattr(l_1_s, 'service'), 'dial_function')),
                '``. The server runs until the broker closes (when the plugin exits or is killed), or until ``broker.stop_serving(id)``.\n',
            ))
            yield t_3(concat(t_12), 4)
            yield '\n    service_id = broker.next_id()\n    broker.accept_and_serve(service_id, '
            yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'server_class'))
            yield '(impl).register)\n    return service_id\n\n\n'
            yield str(context.call((undefined(name='define') if l_1_define is missing else l_1_define), 0, environment.getattr(environment.getattr(l_1_s, 'service'), 'dial_function'), ['broker: goplugin.GRPCBroker', 'service_id: int'], environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name'), _loop_vars=_loop_vars))
            yield '\n'
            t_13 = []
            pass
            t_13.extend((
                'The ``',
                str(environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name')),
                '`` the other side serves under ``service_id`` (sent in a request).\n\nWaits up to 5 s for the other side to announce it, as go-plugin does; each id is dialled once.\n',
            ))
            yield t_3(concat(t_13), 4)
            yield '\n    return '
            yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'client_class'))
            yield '(broker.dial(service_id))\n\n\n'
            yield str(context.call((undefined(name='define') if l_1_define is missing else l_1_define), 0, environment.getattr(environment.getattr(l_1_s, 'service'), 'adial_function'), ['broker: goplugin.GRPCBroker', 'service_id: int'], environment.getattr(environment.getattr(l_1_s, 'service'), 'async_class'), '', 'async def', _loop_vars=_loop_vars))
            yield '\n'
            t_14 = []
            pass
            t_14.extend((
                'The ``',
                str(environment.getattr(environment.getattr(l_1_s, 'service'), 'async_class')),
                '`` the other side serves under ``service_id``, for ``async def`` code.\n\n``',
                str(environment.getattr(environment.getattr(l_1_s, 'service'), 'dial_function')),
                "`` for an event loop: awaits the announcement (up to 5 s) without blocking the loop, and the client's calls are awaited on it. Use it inside a plugin's ``async def`` methods and in a ``goplugin.AsyncClient`` host.\n",
            ))
            yield t_3(concat(t_14), 4)
            yield '\n    return '
            yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'async_client_class'))
            yield '(await broker.adial(service_id))\n'
        else:
            pass
            yield '\n\nclass '
            yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'plugin_class'))
            yield '(goplugin.GRPCPlugin):\n'
            t_15 = []
            pass
            t_15.extend((
                'The ``',
                str(environment.getattr(environment.getattr(l_1_s, 'proto'), 'plugin_name')),
                "`` plugin: go-plugin's GRPCPlugin for ``",
                str(environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name')),
                '``.\n\nThe plugin process constructs it with the implementation to serve; a host constructs it\nwith none (``goplugin.Client`` does, from ``PLUGINS``).\n',
            ))
            yield t_3(concat(t_15), 4)
            yield '\n\n'
            yield str(context.call((undefined(name='define') if l_1_define is missing else l_1_define), 4, '__init__', ['self', (((('impl: ' + environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name')) + ' | ') + environment.getattr(environment.getattr(l_1_s, 'service'), 'async_class')) + ' | None = None')], 'None', _loop_vars=_loop_vars))
            yield '\n        self._impl = impl\n\n    def grpc_server(self, broker: goplugin.GRPCBroker, server: goplugin.ServiceRegistry) -> None:\n        if self._impl is None:\n            raise TypeError(\n                f"{type(self).__name__} has no implementation to serve: construct it with one "\n                "in the plugins given to goplugin.serve()"\n            )\n        '
            yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'server_class'))
            yield '(self._impl).register(server)\n\n'
            yield str(context.call((undefined(name='define') if l_1_define is missing else l_1_define), 4, 'grpc_client', ['self', 'broker: goplugin.GRPCBroker', 'channel: goplugin.Channel'], environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name'), _loop_vars=_loop_vars))
            yield '\n        return '
            yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'client_class'))
            yield '(channel)\n\n'
            yield str(context.call((undefined(name='define') if l_1_define is missing else l_1_define), 4, 'grpc_async_client', ['self', 'broker: goplugin.GRPCBroker', 'channel: goplugin.AsyncChannel'], environment.getattr(environment.getattr(l_1_s, 'service'), 'async_class'), _loop_vars=_loop_vars))
            yield '\n        return '
            yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'async_client_class'))
            yield '(channel)\n'
    l_1_s = l_1_define = missing
    yield '\n\nPLUGINS: dict[str, type[goplugin.GRPCPlugin]] = {\n'
    for l_1_s in environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'plugin_services'):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_4(environment.getattr(environment.getattr(l_1_s, 'proto'), 'plugin_name')))
        yield ': '
        yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'plugin_class'))
        yield ',\n'
    l_1_s = missing
    yield '}\n"""The plugin set, plugin name -> plugin class: ``goplugin.Client(plugins=PLUGINS, ...)``."""\n'

blocks = {}
debug_info = '1=39&3=49&9=52&11=58&2=99&17=101&24=105&27=108&28=111&30=113&34=117&35=120&38=124&39=127&41=130&43=132&45=141&46=144&48=149&49=154&57=177&58=179&59=181&62=183&65=188&67=194&69=200&66=203&74=205&75=207&76=211&80=215&84=217&87=219&89=225&90=229&92=231&94=238&88=243&100=245&103=248&104=252&108=257&109=261&111=268&113=270&115=275&116=277&117=279&119=281&120=284&122=291&127=297&129=303&130=307&132=309&134=316&128=321&140=323&143=326&144=330&148=335&149=339&151=346&153=348&155=353&156=355&157=357&159=359&160=362&162=369&165=374&168=377&172=383&169=388&176=390&180=392&182=398&181=401&187=403&190=405&192=411&194=413&191=416&197=418&201=423&203=429&202=434&210=436&219=438&221=440&222=442&224=444&225=446&231=450&232=454'
