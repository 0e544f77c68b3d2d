/**
 * Building blocks for e-mail bodies inside the layout: headings, paragraphs, a label
 * chip, a link button and a data table, all inline-styled tables Outlook draws as meant.
 */
import { type SafeHtml, html, safeUrl } from './html';
import { EMAIL_STYLE as s } from './layout';

export function heading(text: string, level: 1 | 2 | 3 = 2): SafeHtml {
  const size = { 1: 20, 2: 16, 3: 14 }[level];
  return html`<p
    style="margin:18px 0 6px 0;font-family:${s.font};font-size:${size}px;line-height:${size + 6}px;font-weight:bold;color:${s.text};"
  >
    ${text}
  </p>`;
}

export function paragraph(
  content: string | SafeHtml,
  opts: { colour?: string; size?: number; bold?: boolean } = {},
): SafeHtml {
  const size = opts.size ?? 14;
  return html`<p
    style="margin:0 0 8px 0;font-family:${s.font};font-size:${size}px;line-height:${size + 6}px;color:${opts.colour ?? s.text};${opts.bold ? 'font-weight:bold;' : ''}"
  >
    ${content}
  </p>`;
}

/** A coloured label, e.g. a status; a table cell, because Outlook ignores padding on inline elements. */
export function chip(label: string, background: string, colour = '#ffffff'): SafeHtml {
  return html`<table role="presentation" border="0" cellpadding="0" cellspacing="0" style="display:inline-table;">
    <tr>
      <td
        bgcolor="${background}"
        style="background-color:${background};padding:2px 8px;font-family:${s.font};font-size:12px;line-height:18px;font-weight:bold;color:${colour};"
      >
        ${label}
      </td>
    </tr>
  </table>`;
}

/** Chips side by side. */
export function chipRow(chips: readonly SafeHtml[]): SafeHtml {
  return html`<table role="presentation" border="0" cellpadding="0" cellspacing="0" style="margin:4px 0 10px 0;">
    <tr>
      ${chips.map((c) => html`<td style="padding:0 6px 0 0;">${c}</td>`)}
    </tr>
  </table>`;
}

export function button(href: string, label: string): SafeHtml {
  return html`<table role="presentation" border="0" cellpadding="0" cellspacing="0" style="margin:16px 0 4px 0;">
    <tr>
      <td bgcolor="${s.brand}" style="background-color:${s.brand};padding:10px 18px;">
        <a
          href="${safeUrl(href)}"
          style="font-family:${s.font};font-size:14px;font-weight:bold;color:#ffffff;text-decoration:none;"
          >${label}</a
        >
      </td>
    </tr>
  </table>`;
}

export interface TableCell {
  text: string;
  colour?: string;
  bold?: boolean;
}

export interface TableColumn {
  header: string;
  /** Percentage of the table's width. */
  width: number;
  align?: 'left' | 'right';
}

export function dataTable(columns: readonly TableColumn[], rows: readonly (readonly TableCell[])[]): SafeHtml {
  const cellStyle = (align: string, extra: string) =>
    `padding:5px 6px;border-bottom:1px solid ${s.rule};font-family:${s.font};font-size:12px;line-height:16px;text-align:${align};vertical-align:top;${extra}`;
  return html`<table
    role="presentation"
    width="100%"
    border="0"
    cellpadding="0"
    cellspacing="0"
    style="width:100%;border-collapse:collapse;margin:0 0 10px 0;"
  >
    <tr>
      ${columns.map(
        (c) =>
          html`<th
            align="${c.align ?? 'left'}"
            width="${c.width}%"
            bgcolor="${s.headerFill}"
            style="${cellStyle(c.align ?? 'left', `background-color:${s.headerFill};font-weight:bold;color:${s.text};`)}"
          >
            ${c.header}
          </th>`,
      )}
    </tr>
    ${rows.map(
      (r) =>
        html`<tr>
          ${r.map(
            (cell, i) =>
              html`<td
                align="${columns[i].align ?? 'left'}"
                style="${cellStyle(columns[i].align ?? 'left', `color:${cell.colour ?? s.text};${cell.bold ? 'font-weight:bold;' : ''}`)}"
              >
                ${cell.text}
              </td>`,
          )}
        </tr> `,
    )}
  </table>`;
}

/** A list as table rows with a bullet, which Outlook indents the same everywhere. */
export function bulletList(items: readonly TableCell[]): SafeHtml {
  return html`<table
    role="presentation"
    width="100%"
    border="0"
    cellpadding="0"
    cellspacing="0"
    style="margin:0 0 8px 0;"
  >
    ${items.map(
      (i) =>
        html`<tr>
          <td
            width="14"
            style="vertical-align:top;font-family:${s.font};font-size:13px;line-height:18px;color:${s.muted};"
          >
            &#8226;
          </td>
          <td
            style="font-family:${s.font};font-size:13px;line-height:18px;color:${i.colour ?? s.text};${i.bold ? 'font-weight:bold;' : ''}"
          >
            ${i.text}
          </td>
        </tr>`,
    )}
  </table>`;
}

/** An image carried in the message (cid:), never fetched from elsewhere. */
export function inlineImage(cid: string, alt: string, width: number, height: number): SafeHtml {
  return html`<img
    src="cid:${cid}"
    alt="${alt}"
    width="${width}"
    height="${height}"
    border="0"
    style="display:block;width:100%;max-width:${width}px;height:auto;border:0;"
  />`;
}

/**
 * Plain text as HTML paragraphs: blank lines separate paragraphs, single line breaks are
 * kept. For messages whose words are composed as text (reminders, escalations), so they
 * can go out in the layout unchanged.
 */
export function textToHtml(text: string): SafeHtml {
  const paragraphs = text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.split('\n'));
  return html`${paragraphs.map((lines) => paragraph(html`${lines.map((l, i) => (i === 0 ? l : html`<br />${l}`))}`))}`;
}
