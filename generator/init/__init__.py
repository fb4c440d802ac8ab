"""``gen-plugin init``: a new plugin repository that passes its own tests the moment it is written.

``command.py`` is the front door, ``names.py`` turns ``--name`` into every name the repository
uses, ``protos.py`` gathers the proto files (the starter, or a user's file and its imports),
``scaffold.py`` reads the generator's ``main.py`` scaffold into the services a repository
implements and tests, and ``repository.py`` renders ``templates/init/`` and writes it all.
"""
