# Compiled by jinja2 3.1 from templates/grpc.pyi.j2: do not edit; see tools/templates.py.
# CRC-32 and size of the template: 289ab499, 1057 bytes
from ..template_runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'grpc.pyi.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_module_name = resolve('module_name')
    l_0_spelling = resolve('spelling')
    l_0_stub = resolve('stub')
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
            yield str(environment.getattr((undefined(name='stub') if l_0_stub is missing else l_0_stub), 'iterator_import'))
            yield '\n\n'
        yield str(environment.getattr((undefined(name='stub') if l_0_stub is missing else l_0_stub), 'grpc_import'))
        yield '\n'
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
    for l_1_s in environment.getattr((undefined(name='stub') if l_0_stub is missing else l_0_stub), 'services'):
        l_1_define = resolve('define')
        _loop_vars = {}
        pass
        yield '\nclass '
        yield str(environment.getattr(l_1_s, 'stub_class'))
        yield ':\n'
        for l_2_m in environment.getattr(l_1_s, 'methods'):
            l_2_annotated = resolve('annotated')
            _loop_vars = {}
            pass
            yield str(context.call((undefined(name='annotated') if l_2_annotated is missing else l_2_annotated), 4, environment.getattr(l_2_m, 'name'), environment.getattr(l_2_m, 'multicallable'), environment.getattr(l_2_m, 'arguments'), _loop_vars=_loop_vars))
            yield '\n'
        l_2_m = l_2_annotated = missing
        yield '    def __init__(self, '
        yield str(environment.getattr(l_1_s, 'channel_param'))
        yield ') -> None: ...\n\nclass '
        yield str(environment.getattr(l_1_s, 'servicer_class'))
        yield ':\n'
        for l_2_m in environment.getattr(l_1_s, 'methods'):
            _loop_vars = {}
            pass
            yield str(context.call((undefined(name='define') if l_1_define is missing else l_1_define), 4, environment.getattr(l_2_m, 'name'), environment.getattr(l_2_m, 'servicer_params'), environment.getattr(l_2_m, 'response'), ' ...', _loop_vars=_loop_vars))
            yield '\n'
        l_2_m = missing
        if (not environment.getattr(l_1_s, 'methods')):
            pass
            yield '    pass\n'
        yield '\n'
        yield str(context.call((undefined(name='define') if l_1_define is missing else l_1_define), 0, environment.getattr(l_1_s, 'add_function'), environment.getattr(l_1_s, 'add_params'), 'None', ' ...', _loop_vars=_loop_vars))
        yield '\n'
    l_1_s = l_1_define = missing

blocks = {}
debug_info = '1=14&2=21&5=23&6=26&8=28&10=31&11=33&14=35&16=37&17=40&19=43&21=46&22=49&28=53&30=58&31=60&32=64&34=68&36=70&37=72&38=75&40=78&44=82'
