# Compiled by jinja2 3.1 from templates/init.py.j2: do not edit; see tools/templates.py.
# CRC-32 and size of the template: 7d327e99, 827 bytes
from ..template_runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'init.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_kind = resolve('kind')
    l_0_proto_package = resolve('proto_package')
    try:
        t_1 = environment.filters['docstring']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'docstring' found.")
    pass
    template = environment.get_template('header.j2', 'init.py.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    if ((undefined(name='kind') if l_0_kind is missing else l_0_kind) == 'plugin'):
        pass
        t_2 = []
        pass
        t_2.extend((
            'The ``',
            str((undefined(name='proto_package') if l_0_proto_package is missing else l_0_proto_package)),
            "`` plugin protocol: messages, gRPC modules, interfaces, wiring.\n\n``interface`` holds the service interfaces a plugin implements and a host calls; ``plugin`` holds ``HANDSHAKE``, the gRPC adapters and the ``PLUGINS`` set; the ``*_pb2`` and ``*_pb2_grpc`` modules are protoc's messages and gRPC stubs.\n",
        ))
        yield t_1(concat(t_2), 0)
        yield '\n'
    elif ((undefined(name='kind') if l_0_kind is missing else l_0_kind) == 'package'):
        pass
        yield str(t_1(str_join(('The ``', (undefined(name='proto_package') if l_0_proto_package is missing else l_0_proto_package), "`` proto package: protoc's messages and gRPC modules.", )), 0))
        yield '\n'
    elif ((undefined(name='kind') if l_0_kind is missing else l_0_kind) == 'messages'):
        pass
        yield str(t_1(str_join(('Messages of the ``', (undefined(name='proto_package') if l_0_proto_package is missing else l_0_proto_package), '`` proto package, imported by the generated plugin protocols.', )), 0))
        yield '\n'
    else:
        pass
        yield '"""A regular package holding generated packages, so no same-named package elsewhere wins."""\n'

blocks = {}
debug_info = '1=19&2=25&4=31&3=34&9=36&10=38&11=40&12=42'
