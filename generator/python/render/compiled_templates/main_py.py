# Compiled by jinja2 3.1 from templates/main.py.j2: do not edit; see tools/templates.py.
# CRC-32 and size of the template: c78dbead, 2905 bytes
from ..template_runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'main.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_main = resolve('main')
    try:
        t_1 = environment.filters['docstring']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'docstring' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    pass
    l_1_sources = resolve('sources')
    t_4 = []
    pass
    t_4.extend((
        'The plugin program: fill in the implementation',
        str(('s' if (t_2(environment.getattr(environment.getattr((undefined(name='main') if l_0_main is missing else l_0_main), 'spelling'), 'services')) > 1) else '')),
        ', then let a host run this file.\n\nScaffolding generated once by pygoplugin from ',
        str((undefined(name='sources') if l_1_sources is missing else l_1_sources)),
        '. It is yours: gen-plugin never overwrites it unless you pass --force-main. A host (``goplugin.Client`` or a Go go-plugin host) starts it with the magic cookie set; started by hand, it says it is a plugin and exits.\n',
    ))
    if environment.getattr((undefined(name='main') if l_0_main is missing else l_0_main), 'versions'):
        pass
        t_4.extend((
            '\nIt serves protocol versions ',
            str(environment.getattr((undefined(name='main') if l_0_main is missing else l_0_main), 'version_list')),
            ': the handshake picks the newest one the host also offers. Remove a version from ``versioned_plugins`` to stop serving it.\n',
        ))
    for (l_2_serve, l_2_dial, l_2_adial) in environment.getattr((undefined(name='main') if l_0_main is missing else l_0_main), 'broker_helpers'):
        _loop_vars = {}
        pass
        t_4.extend((
            '\n``',
            str(l_2_dial),
            "(goplugin.current_broker(), request.<id field>)`` calls what the host serves through go-plugin's GRPCBroker under the id a request carries (``await ",
            str(l_2_adial),
            '(...)`` in an ``async def`` method); ``',
            str(l_2_serve),
            '(goplugin.current_broker(), impl)`` serves an implementation to the host and returns the id to send it.\n',
        ))
    l_2_serve = l_2_dial = l_2_adial = missing
    yield t_1(concat(t_4), 0)
    l_1_sources = missing
    yield '\n\nfrom __future__ import annotations\n\n'
    if environment.getattr(environment.getattr((undefined(name='main') if l_0_main is missing else l_0_main), 'spelling'), 'uses_iterator'):
        pass
        yield 'from collections.abc import Iterator\n\n'
    for l_1_line in environment.getattr((undefined(name='main') if l_0_main is missing else l_0_main), 'runtime_imports'):
        _loop_vars = {}
        pass
        yield str(l_1_line)
        yield '\n'
    l_1_line = missing
    if environment.getattr((undefined(name='main') if l_0_main is missing else l_0_main), 'runtime_imports'):
        pass
        yield '\n# isort: split\n'
    yield 'import goplugin\n\n# isort: split\n'
    for l_1_line in environment.getattr((undefined(name='main') if l_0_main is missing else l_0_main), 'imports'):
        _loop_vars = {}
        pass
        yield str(l_1_line)
        yield '\n'
    l_1_line = missing
    for l_1_p in environment.getattr((undefined(name='main') if l_0_main is missing else l_0_main), 'packages'):
        _loop_vars = {}
        pass
        for l_2_s in environment.getattr(l_1_p, 'services'):
            l_2_class_header = resolve('class_header')
            _loop_vars = {}
            pass
            yield '\n\n'
            if environment.getattr(environment.getattr(l_2_s, 'proto'), 'deprecated'):
                pass
                yield str(context.call((undefined(name='class_header') if l_2_class_header is missing else l_2_class_header), environment.getattr(l_2_s, 'impl_class'), ((environment.getattr(l_1_p, 'interface_alias') + '.') + environment.getattr(environment.getattr(l_2_s, 'service'), 'class_name')), '# pyright: ignore[reportDeprecated]', _loop_vars=_loop_vars))
                yield '\n    '
                yield str(t_1((("This plugin's implementation of ``" + environment.getattr(environment.getattr(l_2_s, 'proto'), 'full_name')) + '``, which the proto deprecates.'), 4))
                yield '\n'
            else:
                pass
                yield str(context.call((undefined(name='class_header') if l_2_class_header is missing else l_2_class_header), environment.getattr(l_2_s, 'impl_class'), ((environment.getattr(l_1_p, 'interface_alias') + '.') + environment.getattr(environment.getattr(l_2_s, 'service'), 'class_name')), _loop_vars=_loop_vars))
                yield '\n    '
                yield str(t_1((("This plugin's implementation of ``" + environment.getattr(environment.getattr(l_2_s, 'proto'), 'full_name')) + '``.'), 4))
                yield '\n'
            for l_3_m in environment.getattr(l_2_s, 'methods'):
                l_3_define = resolve('define')
                _loop_vars = {}
                pass
                yield '\n'
                yield str(context.call((undefined(name='define') if l_3_define is missing else l_3_define), 4, environment.getattr(l_3_m, 'py_name'), environment.getattr(l_3_m, 'interface_params'), environment.getattr(l_3_m, 'response'), _loop_vars=_loop_vars))
                yield '\n        # TODO: implement '
                yield str(environment.getattr(l_3_m, 'name'))
                yield '.\n        raise NotImplementedError('
                yield str(t_3(environment.getattr(l_3_m, 'todo_message')))
                yield ')\n'
            l_3_m = l_3_define = missing
        l_2_s = l_2_class_header = missing
    l_1_p = missing
    yield '\n\ndef main() -> None:\n    goplugin.serve(\n        handshake_config='
    yield str(environment.getattr((undefined(name='main') if l_0_main is missing else l_0_main), 'handshake_alias'))
    yield '.HANDSHAKE,\n'
    if environment.getattr((undefined(name='main') if l_0_main is missing else l_0_main), 'versions'):
        pass
        yield '        versioned_plugins={\n'
        for l_1_v in environment.getattr((undefined(name='main') if l_0_main is missing else l_0_main), 'versions'):
            _loop_vars = {}
            pass
            yield '            '
            yield str(environment.getattr(l_1_v, 'number'))
            yield ': {\n'
            for l_2_p in environment.getattr(l_1_v, 'packages'):
                _loop_vars = {}
                pass
                for l_3_s in environment.getattr(l_2_p, 'services'):
                    l_3_call = resolve('call')
                    _loop_vars = {}
                    pass
                    yield str(context.call((undefined(name='call') if l_3_call is missing else l_3_call), 16, ((((t_3(environment.getattr(environment.getattr(l_3_s, 'proto'), 'plugin_name')) + ': ') + environment.getattr(l_2_p, 'plugin_alias')) + '.') + environment.getattr(environment.getattr(l_3_s, 'service'), 'plugin_class')), [(environment.getattr(l_3_s, 'impl_class') + '()')], ',', _loop_vars=_loop_vars))
                    yield '\n'
                l_3_s = l_3_call = missing
            l_2_p = missing
            yield '            },\n'
        l_1_v = missing
        yield '        },\n'
    else:
        pass
        yield '        plugins={\n'
        for l_1_p in environment.getattr((undefined(name='main') if l_0_main is missing else l_0_main), 'packages'):
            _loop_vars = {}
            pass
            for l_2_s in environment.getattr(l_1_p, 'services'):
                l_2_call = resolve('call')
                _loop_vars = {}
                pass
                yield str(context.call((undefined(name='call') if l_2_call is missing else l_2_call), 12, ((((t_3(environment.getattr(environment.getattr(l_2_s, 'proto'), 'plugin_name')) + ': ') + environment.getattr(l_1_p, 'plugin_alias')) + '.') + environment.getattr(environment.getattr(l_2_s, 'service'), 'plugin_class')), [(environment.getattr(l_2_s, 'impl_class') + '()')], ',', _loop_vars=_loop_vars))
                yield '\n'
            l_2_s = l_2_call = missing
        l_1_p = missing
        yield '        },\n'
    yield '    )\n\n\nif __name__ == "__main__":\n    main()\n'

blocks = {}
debug_info = '2=35&4=37&5=40&7=44&9=47&11=52&1=60&18=63&22=66&23=69&25=72&32=76&33=79&35=82&36=85&39=90&40=92&41=94&43=98&44=100&46=102&48=107&49=109&50=111&58=117&59=119&61=122&62=126&63=128&64=131&65=135&73=145&74=148&75=152'
