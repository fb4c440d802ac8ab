# Compiled by jinja2 3.1 from templates/grpc.pyi.j2: do not edit; see tools/templates.py.
# sha256 of the template: d7d0a9ea10d5038dd15155ce5cc7237b450e61f163840850f93f4da7f0dc076c
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'grpc.pyi.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_module_name = resolve('module_name')
    l_0_spelling = resolve('spelling')
    pass
    template = environment.get_template('header.j2', 'grpc.pyi.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '"""Types for ``'
    yield str((undefined(name='module_name') if l_0_module_name is missing else l_0_module_name))
    yield '``, which grpcio-tools generates without them."""\n\n# isort: skip_file\n'
    if environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'stub_lint_exemptions'):
        pass
        yield '# ruff: noqa: '
        yield str(environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'stub_lint_exemptions'))
        yield '\n'
    if environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'services'):
        pass
        yield '\n'
        if environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'uses_iterator'):
            pass
            yield 'from collections.abc import Iterator\n\n'
        yield 'import grpc\n'
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
    yield '\nGRPC_GENERATED_VERSION: str\nGRPC_VERSION: str\n'
    for l_1_s in environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'services'):
        l_1_define = resolve('define')
        _loop_vars = {}
        pass
        yield '\nclass '
        yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'stub_class'))
        yield ':\n'
        for l_2_m in environment.getattr(l_1_s, 'grpc_methods'):
            l_2_annotated = resolve('annotated')
            _loop_vars = {}
            pass
            yield str(context.call((undefined(name='annotated') if l_2_annotated is missing else l_2_annotated), 4, environment.getattr(l_2_m, 'grpc_name'), environment.getattr(l_2_m, 'multicallable'), environment.getattr(l_2_m, 'multicallable_arguments'), _loop_vars=_loop_vars))
            yield '\n'
        l_2_m = l_2_annotated = missing
        yield '    def __init__(self, channel: grpc.Channel) -> None: ...\n\nclass '
        yield str(environment.getattr(environment.getattr(l_1_s, 'service'), 'servicer_class'))
        yield ':\n'
        for l_2_m in environment.getattr(l_1_s, 'grpc_methods'):
            _loop_vars = {}
            pass
            yield str(context.call((undefined(name='define') if l_1_define is missing else l_1_define), 4, environment.getattr(l_2_m, 'grpc_name'), environment.getattr(l_2_m, 'servicer_params'), environment.getattr(l_2_m, 'response'), ' ...', _loop_vars=_loop_vars))
            yield '\n'
        l_2_m = missing
        if (not environment.getattr(l_1_s, 'grpc_methods')):
            pass
            yield '    pass\n'
        yield '\n'
        yield str(context.call((undefined(name='define') if l_1_define is missing else l_1_define), 0, environment.getattr(environment.getattr(l_1_s, 'service'), 'add_function'), [str_join(('servicer: ', environment.getattr(environment.getattr(l_1_s, 'service'), 'servicer_class'), )), 'server: grpc.Server'], 'None', ' ...', _loop_vars=_loop_vars))
        yield '\n'
    l_1_s = l_1_define = missing

blocks = {}
debug_info = '1=13&2=20&5=22&6=25&8=27&10=30&16=34&17=37&19=40&21=43&22=46&28=50&30=55&31=57&32=61&36=65&37=67&38=70&40=73&44=77'
