"""Reports of the plugin's runs: the PDF check sheets (``pdf_*`` modules) and the workbooks."""
