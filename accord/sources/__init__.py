"""Sources on the web and in web archives: pages fetched politely (`fetch`), single pages (`web`), RSS/Atom
feeds and sitemaps (`feeds`) and WARC files (`warc`), each read into the same `Document` records as files."""
