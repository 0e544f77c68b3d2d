import { escapeHtml, html, safeUrl } from './html';

describe('html', () => {
  it('escapes interpolated text and keeps fragments made by html as they are', () => {
    const name = '<script>alert("x")</script> & co';
    const inner = html`<b>${name}</b>`;
    expect(html`<p title="${'"quoted"'}">${inner}</p>`.value).toBe(
      '<p title="&quot;quoted&quot;"><b>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</b></p>',
    );
  });

  it('joins arrays and leaves out null, undefined and false', () => {
    const items = ['a<', html`<li>b</li>`];
    const out = html`<ul>
      ${items}${null}${undefined}${false}${0}
    </ul>`.value;
    // Prettier formats html`` templates, so compare without the whitespace between tags.
    expect(out.replace(/\s+/g, '')).toBe('<ul>a&lt;<li>b</li>0</ul>');
  });

  it('escapes apostrophes, so single-quoted attributes are safe too', () => {
    expect(escapeHtml("it's")).toBe('it&#39;s');
  });

  it('accepts only http(s) and mailto links', () => {
    expect(safeUrl('https://spor.example.org/r/1')).toBe('https://spor.example.org/r/1');
    expect(safeUrl('mailto:sekretariat@example.org')).toBe('mailto:sekretariat@example.org');
    expect(() => safeUrl('javascript:alert(1)')).toThrow(/javascript:alert\(1\)/);
  });
});
