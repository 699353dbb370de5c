"""Django's locale formats as Vietnamese offices write them (settings.FORMAT_MODULE_PATH);
anything not set here comes from Django's own locale files."""
