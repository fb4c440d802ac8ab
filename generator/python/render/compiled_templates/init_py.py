# Compiled by jinja2 3.1 from templates/init.py.j2: do not edit; see tools/templates.py.
# sha256 of the template: f1e117cb5cf5d8a74939c8aac84de0f46ea34306fe4fd1cc781f40a289372396
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'init.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_package = resolve('package')
    pass
    template = environment.get_template('header.j2', 'init.py.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    if environment.getattr((undefined(name='package') if l_0_package is missing else l_0_package), 'services'):
        pass
        yield '"""The ``'
        yield str(environment.getattr((undefined(name='package') if l_0_package is missing else l_0_package), 'proto_package'))
        yield '`` plugin protocol: messages, gRPC modules, interfaces, wiring.\n\n``interface`` holds the service interfaces a plugin implements and a host calls; ``plugin`` holds\n``HANDSHAKE``, the gRPC adapters and the ``PLUGINS`` set; the ``*_pb2`` and ``*_pb2_grpc``\nmodules are protoc\'s messages and gRPC stubs.\n"""\n'
    else:
        pass
        yield '"""The ``'
        yield str(environment.getattr((undefined(name='package') if l_0_package is missing else l_0_package), 'proto_package'))
        yield '`` proto package: protoc\'s messages and gRPC modules."""\n'

blocks = {}
debug_info = '1=12&2=18&3=21&10=26'
