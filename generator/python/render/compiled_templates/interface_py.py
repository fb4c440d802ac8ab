# Compiled by jinja2 3.1 from templates/interface.py.j2: do not edit; see tools/templates.py.
# CRC-32 and size of the template: 92181736, 2249 bytes
from ..template_runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'interface.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_spelling = resolve('spelling')
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
    template = environment.get_template('header.j2', 'interface.py.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    l_1_package = resolve('package')
    t_4 = []
    pass
    t_4.extend((
        'Service interfaces of the ``',
        str(environment.getattr((undefined(name='package') if l_1_package is missing else l_1_package), 'proto_package')),
        '`` plugin protocol, one class per service.\n\nA plugin implements them; a host calls the same methods on what\n``client.dispense(name, Interface)`` returns. ``plugin.py`` connects the two over gRPC.\n',
    ))
    yield t_1(concat(t_4), 0)
    l_1_package = missing
    yield '\n\n# isort: skip_file\nfrom __future__ import annotations\n\nimport abc\n'
    if environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'uses_iterator'):
        pass
        yield 'from collections.abc import AsyncIterator, Iterator\n'
    if (environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'absolute_imports') or environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'any_deprecated')):
        pass
        yield '\n'
    if environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'any_deprecated'):
        pass
        yield 'import goplugin\n'
    for l_1_line in environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'absolute_imports'):
        _loop_vars = {}
        pass
        yield str(l_1_line)
        yield '\n'
    l_1_line = missing
    if environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'relative_imports'):
        pass
        yield '\n'
        for l_1_line in environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'relative_imports'):
            _loop_vars = {}
            pass
            yield str(l_1_line)
            yield '\n'
        l_1_line = missing
    for l_1_s in environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'services'):
        _loop_vars = {}
        pass
        yield '\n\n'
        if environment.getattr(environment.getattr(l_1_s, 'proto'), 'deprecated'):
            pass
            yield '@goplugin.deprecated('
            yield str(t_3(environment.getattr(environment.getattr(l_1_s, 'proto'), 'deprecation')))
            yield ')\n'
        yield 'class '
        yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name'))
        yield '(abc.ABC):'
        if (not environment.getattr(l_1_s, 'methods')):
            pass
            yield '  # noqa: B024'
        yield '\n    '
        yield str(t_1(environment.getattr(l_1_s, 'interface_doc'), 4))
        yield '\n'
        for l_2_m in environment.getattr(l_1_s, 'methods'):
            l_2_define = resolve('define')
            _loop_vars = {}
            pass
            yield '\n    @abc.abstractmethod\n'
            if environment.getattr(l_2_m, 'own_deprecation'):
                pass
                yield '    @goplugin.deprecated('
                yield str(t_3(environment.getattr(l_2_m, 'own_deprecation')))
                yield ')\n'
            yield str(context.call((undefined(name='define') if l_2_define is missing else l_2_define), 4, environment.getattr(l_2_m, 'py_name'), environment.getattr(l_2_m, 'interface_params'), environment.getattr(l_2_m, 'response'), _loop_vars=_loop_vars))
            yield '\n        '
            yield str(t_1(environment.getattr(l_2_m, 'doc'), 8))
            yield '\n'
        l_2_m = l_2_define = missing
        yield '\n\n'
        if environment.getattr(environment.getattr(l_1_s, 'proto'), 'deprecated'):
            pass
            yield '@goplugin.deprecated('
            yield str(t_3(environment.getattr(environment.getattr(l_1_s, 'proto'), 'deprecation')))
            yield ')\n'
        yield 'class '
        yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'async_class'))
        yield '(abc.ABC):'
        if (not environment.getattr(l_1_s, 'methods')):
            pass
            yield '  # noqa: B024'
        yield '\n'
        t_5 = []
        pass
        t_5.extend((
            '``',
            str(environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name')),
            '`` with ``async def`` methods (async generators for streams), for a plugin whose implementation runs on an event loop.\n\nServe it with ``goplugin.serve(..., core="grpclib")``, whose event loop runs it: the grpcio core refuses it. The methods are ``',
            str(environment.getattr(environment.getattr(l_1_s, 'service'), 'class_name')),
            "``'s; ``goplugin.current_call()`` works the same inside them.\n",
        ))
        yield t_2(concat(t_5), 4)
        yield '\n'
        for l_2_m in environment.getattr(l_1_s, 'methods'):
            l_2_define = resolve('define')
            _loop_vars = {}
            pass
            yield '\n    @abc.abstractmethod\n'
            if environment.getattr(l_2_m, 'own_deprecation'):
                pass
                yield '    @goplugin.deprecated('
                yield str(t_3(environment.getattr(l_2_m, 'own_deprecation')))
                yield ')\n'
            yield str(context.call((undefined(name='define') if l_2_define is missing else l_2_define), 4, environment.getattr(l_2_m, 'py_name'), environment.getattr(l_2_m, 'async_params'), environment.getattr(l_2_m, 'async_response'), '', ('def' if environment.getattr(environment.getattr(l_2_m, 'kind'), 'server_streaming') else 'async def'), _loop_vars=_loop_vars))
            yield '\n        '
            yield str(t_1(environment.getattr(l_2_m, 'doc'), 8))
            yield '\n'
        l_2_m = l_2_define = missing
    l_1_s = missing

blocks = {}
debug_info = '1=30&3=41&2=44&14=47&17=50&20=53&23=56&24=59&26=62&28=65&29=68&32=71&35=75&36=78&38=81&40=87&41=89&44=94&45=97&47=99&48=101&52=105&53=108&55=111&58=121&60=123&57=126&63=128&66=133&67=136&69=138&70=140'
