"""pygoplugin's code generator: ``.proto`` services in, typed go-plugin plugin packages out.

The pipeline, in order: a front door (``front/``) parses options; ``schema/load.py`` runs protoc;
``core/model.py`` builds the target-neutral model; ``core/versioning.py`` decides what one plugin
program serves; a target (``python/target.py``) turns the model into files; ``core/write.py``
writes them. ``compat/`` compares two versions of a contract; ``cache/`` replays unchanged runs.
``README.md`` beside this file maps every folder and says where a change goes.
"""
