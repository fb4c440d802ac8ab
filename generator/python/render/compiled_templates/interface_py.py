# Compiled by jinja2 3.1 from templates/interface.py.j2: do not edit; see tools/templates.py.
# sha256 of the template: fade1364d29522526b6d302eff0e5b2a502d49b396ea71e8bf17a1d25c490f31
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
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
        t_2 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    pass
    template = environment.get_template('header.j2', 'interface.py.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    l_1_package = resolve('package')
    t_3 = []
    pass
    t_3.extend((
        'Service interfaces of the ``',
        str(environment.getattr((undefined(name='package') if l_1_package is missing else l_1_package), 'proto_package')),
        '`` plugin protocol, one class per service.\n\nA plugin implements them; a host calls the same methods on what\n``client.dispense(name, Interface)`` returns. ``plugin.py`` connects the two over gRPC.\n',
    ))
    yield t_1(concat(t_3), 0)
    l_1_package = missing
    yield '\n\n# isort: skip_file\nfrom __future__ import annotations\n\nimport abc\n'
    if environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'uses_iterator'):
        pass
        yield 'from collections.abc import Iterator\n'
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
            yield str(t_2(environment.getattr(environment.getattr(l_1_s, 'proto'), 'deprecation')))
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
                yield str(t_2(environment.getattr(l_2_m, 'own_deprecation')))
                yield ')\n'
            yield str(context.call((undefined(name='define') if l_2_define is missing else l_2_define), 4, environment.getattr(l_2_m, 'py_name'), environment.getattr(l_2_m, 'interface_params'), environment.getattr(l_2_m, 'response'), _loop_vars=_loop_vars))
            yield '\n        '
            yield str(t_1(environment.getattr(l_2_m, 'doc'), 8))
            yield '\n'
        l_2_m = l_2_define = missing
    l_1_s = missing

blocks = {}
debug_info = '1=24&3=35&2=38&14=41&17=44&20=47&23=50&24=53&26=56&28=59&29=62&32=65&35=69&36=72&38=75&40=81&41=83&44=88&45=91&47=93&48=95'
