import sanitizeHtml from 'sanitize-html';

/**
 * Allow-list sanitizing of customer HTML before it is stored or shown: no scripts, styles, event handlers,
 * forms, frames or `javascript:` URLs. Remote images are not loaded: their URL moves to `data-remote-src` so the
 * UI can offer "show images". Inline `cid:` images point at their stored attachment.
 */
export function sanitizeEmailHtml(html: string, inlineImages: Map<string, string> = new Map()): { html: string; remoteImagesBlocked: number } {
  let remoteImagesBlocked = 0;
  const clean = sanitizeHtml(html, {
    allowedTags: [
      'p',
      'br',
      'div',
      'span',
      'b',
      'strong',
      'i',
      'em',
      'u',
      's',
      'small',
      'sub',
      'sup',
      'blockquote',
      'pre',
      'code',
      'ul',
      'ol',
      'li',
      'dl',
      'dt',
      'dd',
      'h1',
      'h2',
      'h3',
      'h4',
      'h5',
      'h6',
      'hr',
      'a',
      'img',
      'table',
      'thead',
      'tbody',
      'tfoot',
      'tr',
      'th',
      'td',
      'caption',
      'font',
      'center',
    ],
    allowedAttributes: {
      a: ['href', 'title', 'rel', 'target'],
      img: ['src', 'alt', 'width', 'height', 'data-remote-src', 'data-attachment-key'],
      td: ['colspan', 'rowspan', 'align', 'valign'],
      th: ['colspan', 'rowspan', 'align', 'valign'],
      table: ['border', 'cellpadding', 'cellspacing', 'width'],
      font: ['color'],
      '*': ['dir', 'lang'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['cid', 'data'] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'title', 'head', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'form'],
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' } }),
      img: (tagName, attribs) => {
        // these two are ours to set; a sender's own values could point the UI at a script URL or another mail's file
        const { 'data-remote-src': _forgedRemote, 'data-attachment-key': _forgedKey, ...own } = attribs;
        attribs = own;
        const src = attribs.src ?? '';
        if (/^https?:/i.test(src)) {
          remoteImagesBlocked += 1;
          const { src: _remote, ...rest } = attribs;
          return { tagName, attribs: { ...rest, 'data-remote-src': src } };
        }
        if (/^cid:/i.test(src)) {
          const key = inlineImages.get(src.slice(4).replace(/^<|>$/g, ''));
          const { src: _cid, ...rest } = attribs;
          return { tagName, attribs: key ? { ...rest, 'data-attachment-key': key } : rest };
        }
        // Only raster data: URLs stay; anything else (relative paths, svg) could make the page fetch or run something.
        if (/^data:image\/(?:png|jpe?g|gif|webp);/i.test(src)) return { tagName, attribs };
        const { src: _other, ...rest } = attribs;
        return { tagName, attribs: rest };
      },
    },
  });
  return { html: clean, remoteImagesBlocked };
}
