"""The review page (`newsfacts review`): a local web page where an analyst reads each incident's figures and
quotes against the sentences that state them, confirms, rejects or corrects them (the same corrections as
`newsfacts correct`), and sees incidents on a map and their figures on a timeline. Everything it serves is in
this package: no CDN, no tile server."""
