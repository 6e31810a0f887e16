/**
 * Python 3.11's built-in extension table (`mimetypes.MimeTypes().types_map[True]`), keyed by the
 * extension without its dot. Python also reads the host's `/etc/mime.types`; the common entries a
 * Debian host adds are in {@link hostMimeTypes}.
 */
const pythonMimeTypes: Readonly<Record<string, string>> = {
  '3g2': 'audio/3gpp2',
  '3gp': 'audio/3gpp',
  '3gpp': 'audio/3gpp',
  '3gpp2': 'audio/3gpp2',
  a: 'application/octet-stream',
  aac: 'audio/aac',
  adts: 'audio/aac',
  ai: 'application/postscript',
  aif: 'audio/x-aiff',
  aifc: 'audio/x-aiff',
  aiff: 'audio/x-aiff',
  ass: 'audio/aac',
  au: 'audio/basic',
  avi: 'video/x-msvideo',
  avif: 'image/avif',
  bat: 'text/plain',
  bcpio: 'application/x-bcpio',
  bin: 'application/octet-stream',
  bmp: 'image/bmp',
  c: 'text/plain',
  cdf: 'application/x-netcdf',
  cpio: 'application/x-cpio',
  csh: 'application/x-csh',
  css: 'text/css',
  csv: 'text/csv',
  dll: 'application/octet-stream',
  doc: 'application/msword',
  dot: 'application/msword',
  dvi: 'application/x-dvi',
  eml: 'message/rfc822',
  eps: 'application/postscript',
  etx: 'text/x-setext',
  exe: 'application/octet-stream',
  gif: 'image/gif',
  gtar: 'application/x-gtar',
  h: 'text/plain',
  h5: 'application/x-hdf5',
  hdf: 'application/x-hdf',
  heic: 'image/heic',
  heif: 'image/heif',
  htm: 'text/html',
  html: 'text/html',
  ico: 'image/vnd.microsoft.icon',
  ief: 'image/ief',
  jpe: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  js: 'application/javascript',
  json: 'application/json',
  ksh: 'text/plain',
  latex: 'application/x-latex',
  loas: 'audio/aac',
  m1v: 'video/mpeg',
  m3u: 'application/vnd.apple.mpegurl',
  m3u8: 'application/vnd.apple.mpegurl',
  man: 'application/x-troff-man',
  me: 'application/x-troff-me',
  mht: 'message/rfc822',
  mhtml: 'message/rfc822',
  mif: 'application/x-mif',
  mjs: 'application/javascript',
  mov: 'video/quicktime',
  movie: 'video/x-sgi-movie',
  mp2: 'audio/mpeg',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  mpa: 'video/mpeg',
  mpe: 'video/mpeg',
  mpeg: 'video/mpeg',
  mpg: 'video/mpeg',
  ms: 'application/x-troff-ms',
  n3: 'text/n3',
  nc: 'application/x-netcdf',
  nq: 'application/n-quads',
  nt: 'application/n-triples',
  nws: 'message/rfc822',
  o: 'application/octet-stream',
  obj: 'application/octet-stream',
  oda: 'application/oda',
  opus: 'audio/opus',
  p12: 'application/x-pkcs12',
  p7c: 'application/pkcs7-mime',
  pbm: 'image/x-portable-bitmap',
  pdf: 'application/pdf',
  pfx: 'application/x-pkcs12',
  pgm: 'image/x-portable-graymap',
  pl: 'text/plain',
  png: 'image/png',
  pnm: 'image/x-portable-anymap',
  pot: 'application/vnd.ms-powerpoint',
  ppa: 'application/vnd.ms-powerpoint',
  ppm: 'image/x-portable-pixmap',
  pps: 'application/vnd.ms-powerpoint',
  ppt: 'application/vnd.ms-powerpoint',
  ps: 'application/postscript',
  pwz: 'application/vnd.ms-powerpoint',
  py: 'text/x-python',
  pyc: 'application/x-python-code',
  pyo: 'application/x-python-code',
  qt: 'video/quicktime',
  ra: 'audio/x-pn-realaudio',
  ram: 'application/x-pn-realaudio',
  ras: 'image/x-cmu-raster',
  rdf: 'application/xml',
  rgb: 'image/x-rgb',
  roff: 'application/x-troff',
  rtx: 'text/richtext',
  sgm: 'text/x-sgml',
  sgml: 'text/x-sgml',
  sh: 'application/x-sh',
  shar: 'application/x-shar',
  snd: 'audio/basic',
  so: 'application/octet-stream',
  src: 'application/x-wais-source',
  srt: 'text/plain',
  sv4cpio: 'application/x-sv4cpio',
  sv4crc: 'application/x-sv4crc',
  svg: 'image/svg+xml',
  swf: 'application/x-shockwave-flash',
  t: 'application/x-troff',
  tar: 'application/x-tar',
  tcl: 'application/x-tcl',
  tex: 'application/x-tex',
  texi: 'application/x-texinfo',
  texinfo: 'application/x-texinfo',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  tr: 'application/x-troff',
  trig: 'application/trig',
  tsv: 'text/tab-separated-values',
  txt: 'text/plain',
  ustar: 'application/x-ustar',
  vcf: 'text/x-vcard',
  vtt: 'text/vtt',
  wasm: 'application/wasm',
  wav: 'audio/x-wav',
  webm: 'video/webm',
  webmanifest: 'application/manifest+json',
  wiz: 'application/msword',
  wsdl: 'application/xml',
  xbm: 'image/x-xbitmap',
  xlb: 'application/vnd.ms-excel',
  xls: 'application/vnd.ms-excel',
  xml: 'text/xml',
  xpdl: 'application/xml',
  xpm: 'image/x-xpixmap',
  xsl: 'application/xml',
  xwd: 'image/x-xwindowdump',
  zip: 'application/zip',
}

/** Entries a Debian host's `/etc/mime.types` adds to Python's table (DSPy runs on such hosts). */
const hostMimeTypes: Readonly<Record<string, string>> = {
  webp: 'image/webp',
  flac: 'audio/flac',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  spx: 'audio/ogg',
  m4a: 'audio/mp4',
  mpga: 'audio/mpeg',
  mp1: 'audio/mpeg',
  wma: 'audio/x-ms-wma',
  amr: 'audio/AMR',
  mid: 'audio/sp-midi',
  md: 'text/markdown',
  markdown: 'text/markdown',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  rtf: 'application/rtf',
  epub: 'application/epub+zip',
  jfif: 'image/jpeg',
  apng: 'image/apng',
  jxl: 'image/jxl',
  jp2: 'image/jp2',
  psd: 'image/vnd.adobe.photoshop',
  '7z': 'application/x-7z-compressed',
  jsonld: 'application/ld+json',
}

/** Python's `mimetypes.suffix_map`: shorthand suffixes expanded before the lookup. */
const suffixMap: Readonly<Record<string, string>> = {
  '.svgz': '.svg.gz',
  '.tgz': '.tar.gz',
  '.taz': '.tar.gz',
  '.tz': '.tar.gz',
  '.tbz2': '.tar.bz2',
  '.txz': '.tar.xz',
}

/** Python's `mimetypes.encodings_map`: compression suffixes skipped before the type lookup. */
const encodingSuffixes: ReadonlySet<string> = new Set(['.gz', '.Z', '.bz2', '.xz', '.br'])

function lookup(extension: string): string | undefined {
  const bare = extension.slice(1)
  return pythonMimeTypes[bare] ?? hostMimeTypes[bare]
}

function splitExtension(path: string): [base: string, extension: string] {
  const slash = path.lastIndexOf('/')
  const dot = path.lastIndexOf('.')
  if (dot <= slash) return [path, '']
  const leadingDots = /^\.*/.exec(path.slice(slash + 1))?.[0].length ?? 0
  if (dot <= slash + leadingDots) return [path, '']
  return [path.slice(0, dot), path.slice(dot)]
}

/**
 * Guesses the MIME type of a file from its name, the way Python's `mimetypes.guess_type` does
 * (which is what DSPy's `from_path` helpers use): shorthand suffixes are expanded, a compression
 * suffix (`.gz`) is skipped, and the lower-cased extension is looked up. A `data:` URL gives its
 * declared type.
 *
 * @returns the MIME type, or `undefined` when the extension is unknown.
 * @see Python `mimetypes.guess_type`
 */
export function guessMimeType(path: string): string | undefined {
  if (/^data:/i.test(path)) {
    const rest = path.slice(5)
    const comma = rest.indexOf(',')
    if (comma < 0) return undefined
    const semicolon = rest.slice(0, comma).indexOf(';')
    const mime = rest.slice(0, semicolon >= 0 ? semicolon : comma)
    return mime.includes('=') || !mime.includes('/') ? 'text/plain' : mime
  }
  let [base, extension] = splitExtension(path)
  for (let expanded = suffixMap[extension.toLowerCase()]; expanded !== undefined; ) {
    ;[base, extension] = splitExtension(base + expanded)
    expanded = suffixMap[extension.toLowerCase()]
  }
  if (encodingSuffixes.has(extension)) [base, extension] = splitExtension(base)
  if (extension === '') return undefined
  return lookup(extension.toLowerCase())
}
