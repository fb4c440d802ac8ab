# Compiled by jinja2 3.1 from templates/versions.py.j2: do not edit; see tools/templates.py.
# CRC-32 and size of the template: 33095345, 1808 bytes
from ..template_runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'versions.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_spelling = resolve('spelling')
    l_0_versioned = resolve('versioned')
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
    template = environment.get_template('header.j2', 'versions.py.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    t_3 = []
    pass
    t_3.extend((
        'Every version of the ``',
        str(environment.getattr((undefined(name='versioned') if l_0_versioned is missing else l_0_versioned), 'home')),
        "`` plugin protocol generated together, for version negotiation.\n\ngo-plugin's ``VersionedPlugins``: a plugin serves several versions, a host offers several, and the handshake picks the newest one both have (``client.negotiated_version``). ``dispense`` then returns that version's interface::\n\n    goplugin.Client(handshake_config=HANDSHAKE, versioned_plugins=VERSIONED_PLUGINS, cmd=[...])\n    goplugin.serve(handshake_config=HANDSHAKE, versioned_plugins={1: {...}, 2: {...}})\n\nEach version's own package stays usable alone: a host or plugin built from one version imports its ``plugin.HANDSHAKE`` and ``PLUGINS``, and still meets this one at that version.\n",
    ))
    yield t_1(concat(t_3), 0)
    yield '\n\nfrom __future__ import annotations\n\nimport goplugin\n\n'
    for l_1_line in environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'imports'):
        _loop_vars = {}
        pass
        yield str(l_1_line)
        yield '\n'
    l_1_line = missing
    yield '\nHANDSHAKE = goplugin.HandshakeConfig(\n    protocol_version='
    yield str(environment.getattr(environment.getattr((undefined(name='versioned') if l_0_versioned is missing else l_0_versioned), 'handshake'), 'protocol_version'))
    yield ',\n    magic_cookie_key='
    yield str(t_2(environment.getattr(environment.getattr((undefined(name='versioned') if l_0_versioned is missing else l_0_versioned), 'handshake'), 'magic_cookie_key')))
    yield ',\n    magic_cookie_value='
    yield str(t_2(environment.getattr(environment.getattr((undefined(name='versioned') if l_0_versioned is missing else l_0_versioned), 'handshake'), 'magic_cookie_value')))
    yield ',\n)\n'
    t_4 = []
    pass
    t_4.append(
        'The handshake all versions share. ``protocol_version`` is the newest version, what ``plugins=`` would speak; with ``versioned_plugins=`` the versions come from the sets.\n',
    )
    yield t_1(concat(t_4), 0)
    yield '\n\nVERSIONED_PLUGINS: dict[int, dict[str, type[goplugin.GRPCPlugin]]] = {\n'
    for l_1_entry in environment.getattr((undefined(name='spelling') if l_0_spelling is missing else l_0_spelling), 'entries'):
        _loop_vars = {}
        pass
        yield '    '
        yield str(environment.getattr(l_1_entry, 'number'))
        yield ': {\n'
        for l_2_plugin in environment.getattr(l_1_entry, 'plugins'):
            _loop_vars = {}
            pass
            yield '        '
            yield str(t_2(environment.getattr(l_2_plugin, 'name')))
            yield ': '
            yield str(environment.getattr(l_2_plugin, 'plugin_class'))
            yield ',\n'
        l_2_plugin = missing
        yield '    },\n'
    l_1_entry = missing
    yield '}\n'
    t_5 = []
    pass
    t_5.append(
        'The plugin sets by protocol version, plugin name -> plugin class, oldest version first: ``goplugin.Client(versioned_plugins=VERSIONED_PLUGINS, ...)``.\n',
    )
    yield t_1(concat(t_5), 0)
    yield '\n'

blocks = {}
debug_info = '1=25&3=35&2=38&18=40&19=43&23=47&24=49&25=51&27=58&33=60&34=64&35=66&36=70&41=83'
