import { randomBytes } from "node:crypto";
import { postComment } from "@/lib/comments/mutations";
import { unwrap } from "@/lib/platform/errors";
import { trustedWorkspace } from "@/lib/workspaces/access";
import { earliestQuoteId } from "../support/demo-copy";
import { seedWorkspace, userIdByEmail } from "../support/seed";
import { expect, screenshot, signIn, test, testServer } from "./fixtures";

const server = testServer();

// Hostile comments, rendered. The payloads come from the OWASP XSS filter-evasion cheat sheet,
// rehype-sanitize's README and Markdown-specific tricks (link and image destinations, reference
// definitions, autolinks). They are posted through the app's own mutation, as the server action
// does after its checks, into a workspace of this file's own; then the quote's page is loaded once
// and everything in its comments is inspected. Each payload also carries a marker, to show it
// was rendered and not merely missing.

const run = randomBytes(4).toString("hex");

const PAYLOADS: string[] = [
  // Scripts and event handlers in raw HTML
  `<script>alert(1)</script>`,
  `<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>`,
  `<SCRIPT/XSS SRC="http://xss.example/xss.js"></SCRIPT>`,
  `<<SCRIPT>alert("XSS");//\\<</SCRIPT>`,
  `<SCRIPT SRC=http://xss.example/xss.js?< B >`,
  `</TITLE><SCRIPT>alert("XSS");</SCRIPT>`,
  `<SCRIPT>document.write("<SCRI");</SCRIPT>PT SRC="httx://xss.example/xss.js"></SCRIPT>`,
  `<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>`,
  `<img src=x onerror=alert(1)>`,
  `<img src="x" onerror="alert('charlie')">`,
  `<IMG SRC=# onmouseover="alert('xxs')">`,
  `<IMG SRC= onmouseover="alert('xxs')">`,
  `<IMG onmouseover="alert('xxs')">`,
  `<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>`,
  `<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">`,
  `<a onmouseover="alert(document.cookie)">xxs link</a>`,
  `<svg onload=alert(1)>`,
  `<svg/onload=alert('XSS')>`,
  `<svg><script>alert(1)</script></svg>`,
  `<svg><animate onbegin=alert(1) attributeName=x dur=1s>`,
  `<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>`,
  `<BODY ONLOAD=alert('XSS')>`,
  `<body onpageshow=alert(1)>`,
  `<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^\`=alert("XSS")>`,
  `<details open ontoggle=alert(1)>`,
  `<video><source onerror="alert(1)">`,
  `<audio src=x onerror=alert(1)>`,
  `<marquee onstart=alert(1)>`,
  `<input autofocus onfocus=alert(1)>`,
  `<select autofocus onfocus=alert(1)>`,
  `<textarea autofocus onfocus=alert(1)>`,
  `<keygen autofocus onfocus=alert(1)>`,
  `<xss id=x tabindex=1 onfocusin=alert(1)></xss>`,
  `<a href=javascript:alert(1) id=x tabindex=1 onfocus=alert(1) autofocus>focus</a>`,
  `<isindex type=image src=1 onerror=alert(1)>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
  `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
  `<template><img src=x onerror=alert(1)></template>`,
  `"><img src=x onerror=alert(1)>`,
  `'><svg onload=alert(1)>`,
  // javascript:, vbscript: and data: addresses in HTML, disguised
  `<IMG SRC="javascript:alert('XSS');">`,
  `<IMG SRC=javascript:alert('XSS')>`,
  `<IMG SRC=JaVaScRiPt:alert('XSS')>`,
  `<IMG SRC=javascript:alert(&quot;XSS&quot;)>`,
  "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
  `<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>`,
  `<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>`,
  `<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>`,
  `<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>`,
  `<IMG SRC="jav\tascript:alert('XSS');">`,
  `<IMG SRC="jav&#x09;ascript:alert('XSS');">`,
  `<IMG SRC="jav&#x0A;ascript:alert('XSS');">`,
  `<IMG SRC="jav&#x0D;ascript:alert('XSS');">`,
  `<IMG SRC=" &#14;  javascript:alert('XSS');">`,
  `<IMG SRC='vbscript:msgbox("XSS")'>`,
  `<IMG DYNSRC="javascript:alert('XSS')">`,
  `<IMG LOWSRC="javascript:alert('XSS')">`,
  `<img srcset="javascript:alert(1)">`,
  `<INPUT TYPE="IMAGE" SRC="javascript:alert('XSS');">`,
  `<BODY BACKGROUND="javascript:alert('XSS')">`,
  `<BGSOUND SRC="javascript:alert('XSS');">`,
  `<TABLE BACKGROUND="javascript:alert('XSS')"><tr><TD BACKGROUND="javascript:alert('XSS')">cell</TD></tr></TABLE>`,
  `<a href="JaVaScRiPt:alert(1)">mixed case</a>`,
  `<A HREF="javascript:document.location='http://www.example.org/'">XSS</A>`,
  `<a href="&#106;avascript:alert(1)">entity j</a>`,
  `<a href="javas&#99;ript:alert(1)">entity c</a>`,
  `<a href="jav&#x09;ascript:alert(1)">tab</a>`,
  `<a href="  javascript:alert(1)">spaces</a>`,
  `<a href="javascript&colon;alert(1)">named colon</a>`,
  `<a href="jAva script:alert('bravo')">delta</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>`,
  `<a href="vbscript:msgbox(1)">vbscript link</a>`,
  `<div><a href="javascript:alert(1)">nested</a></div>`,
  `<form><button formaction=javascript:alert(1)>X</button></form>`,
  `<BASE HREF="javascript:alert('XSS');//">`,
  `<LINK REL="stylesheet" HREF="javascript:alert('XSS');">`,
  `<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">`,
  `<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">`,
  `<META HTTP-EQUIV="Link" Content="<http://xss.example/xss.css>; REL=stylesheet">`,
  // Frames, objects, embeds
  `<IFRAME SRC="javascript:alert('XSS');"></IFRAME>`,
  `<IFRAME SRC=# onmouseover="alert(document.cookie)"></IFRAME>`,
  `<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
  `<FRAMESET><FRAME SRC="javascript:alert('XSS');"></FRAMESET>`,
  `<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.example/scriptlet.html"></OBJECT>`,
  `<object data="javascript:alert(1)">`,
  `<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciPjxzY3JpcHQ+YWxlcnQoMSk8L3NjcmlwdD48L3N2Zz4=" type="image/svg+xml" AllowScriptAccess="always"></EMBED>`,
  // Style expressions and imports
  `<STYLE>li {list-style-image: url("javascript:alert('XSS')");}</STYLE><UL><LI>XSS</br>`,
  `<STYLE>@import'http://xss.example/xss.css';</STYLE>`,
  `<STYLE>BODY{-moz-binding:url("http://xss.example/xssmoz.xml#xss")}</STYLE>`,
  `<STYLE TYPE="text/javascript">alert('XSS');</STYLE>`,
  `<IMG STYLE="xss:expr/*XSS*/ession(alert('XSS'))">`,
  `<DIV STYLE="background-image: url(javascript:alert('XSS'))">div</DIV>`,
  `<DIV STYLE="width: expression(alert('XSS'));">div</DIV>`,
  `<p style="background:url(javascript:alert(1))">styled</p>`,
  `<style>*{background:url(javascript:alert(1))}</style>`,
  // rehype-sanitize's README example, whole
  `<div onmouseover="alert('alpha')">\n  <a href="jAva script:alert('bravo')">delta</a>\n  <img src="x" onerror="alert('charlie')">\n  <iframe src="javascript:alert('delta')"></iframe>\n  <math>\n    <mi xlink:href="data:x,<script>alert('echo')</script>"></mi>\n  </math>\n</div>\n<script>\n  require('child_process').spawn('echo', ['hack!']);\n</script>`,
  // Markdown links and images
  `[x](javascript:alert(1))`,
  `[x](JaVaScRiPt:alert(1))`,
  `[x](javascript&#58;alert(1))`,
  `[x](javascript&colon;alert(1))`,
  `[x](&#106;avascript:alert(1))`,
  `[x](&#x6A;avascript:alert(1))`,
  `[x](<java\tscript:alert(1)>)`,
  `[x](java&#x09;script:alert(1))`,
  `[x](javascript://%0aalert(1))`,
  `[x](javascript:alert(1) "title")`,
  `[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `[x](vbscript:msgbox(1))`,
  `[x](<javascript:alert(1)>)`,
  `[x][ref]\n\n[ref]: javascript:alert(1)`,
  `[x][ref]\n\n[ref]: data:text/html,<script>alert(1)</script>`,
  `[a](https://example.org "title\\" onmouseover=\\"alert(1)")`,
  `[x](#" onclick="alert(1))`,
  `[<img src=x onerror=alert(1)>](https://example.org)`,
  `![x](javascript:alert(1))`,
  `![x](x" onerror="alert(1))`,
  `![x"onerror="alert(1)](https://example.org/x.png)`,
  `![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)`,
  `![x][img]\n\n[img]: javascript:alert(1)`,
  // Autolinks
  `<javascript:alert(1)>`,
  `<JAVASCRIPT:alert(1)>`,
  `<vbscript:msgbox(1)>`,
  `<data:text/html,<script>alert(1)</script>>`,
  `www.example.org/"onmouseover="alert(1)`,
  `https://example.org/?q="><script>alert(1)</script>`,
  // Everything else GFM builds: code, tables, task lists, footnotes
  "`<script>alert(1)</script>`",
  "```html\n<script>alert(1)</script>\n```",
  `| a |\n|---|\n| <img src=x onerror=alert(1)> |`,
  `- [x] done <img src=x onerror=alert(1)>\n- [ ] <input type=checkbox onclick=alert(1)>`,
  `Footnote[^1]\n\n[^1]: <img src=x onerror=alert(1)> [x](javascript:alert(1))`,
  `<a name="x" id="comment-clobber" href="#">clobber</a>`,
  `javascript:alert(1)`,
];

const SAFE_LINK = "https://example.org/safe";

let slug: string;
let evidenceId: string;

test.beforeAll(async () => {
  const adminId = await userIdByEmail(server.admin.email);
  const workspace = await seedWorkspace({ title: `Comment XSS ${run}`, slug: `comments-xss-${run}`, ownerId: adminId });
  slug = workspace.slug;
  evidenceId = await earliestQuoteId(workspace.id);
  const gate = trustedWorkspace(workspace, adminId);
  for (const [index, payload] of PAYLOADS.entries()) {
    unwrap(
      await postComment(gate, {
        target: { evidenceId },
        body: `xss-marker-${index}\n\n${payload}`,
        mentionUserIds: [],
      }),
    );
  }
  unwrap(
    await postComment(gate, {
      target: { evidenceId },
      body: `xss-marker-safe [a safe link](${SAFE_LINK})`,
      mentionUserIds: [],
    }),
  );
});

test.describe("comments with hostile Markdown and HTML", () => {
  test(`renders ${PAYLOADS.length} XSS payloads as inert content`, async ({ page }) => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(100);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signIn(page, server.admin);
    await page.goto(`/w/${slug}/evidence/${evidenceId}`);
    const comments = page.locator('section[aria-labelledby="comments-heading"]');
    await expect(comments.getByText(`xss-marker-${PAYLOADS.length - 1}`, { exact: true })).toBeVisible();
    // Let anything a payload could trigger happen before looking: every image has loaded or
    // failed (its error handler, if one survived, has run), then two frames for animations and
    // autofocus.
    await page.waitForLoadState("load");
    await comments.hover();
    await page.waitForFunction(() => [...document.querySelectorAll("img")].every((image) => image.complete));
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null)))),
    );

    const report = await comments.evaluate((root) => {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers ignore these inside URLs, so the check must too
      const normalise = (value: string) => value.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
      const urlAttributes = [
        "href",
        "src",
        "srcset",
        "action",
        "formaction",
        "xlink:href",
        "data",
        "background",
        "poster",
        "srcdoc",
        "lowsrc",
        "dynsrc",
      ];
      const handlers: string[] = [];
      const badUrls: string[] = [];
      for (const element of root.querySelectorAll("*")) {
        for (const attribute of element.attributes) {
          if (attribute.name.toLowerCase().startsWith("on")) handlers.push(`${element.tagName} ${attribute.name}`);
          if (
            urlAttributes.includes(attribute.name.toLowerCase()) &&
            /^(javascript|data|vbscript):/.test(normalise(attribute.value))
          )
            badUrls.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
        }
      }
      const bodies = [...root.querySelectorAll(".comment-body")];
      const dangerous = bodies.flatMap((body) =>
        [
          ...body.querySelectorAll(
            "script, iframe, frame, frameset, object, embed, style, link, meta, base, form, svg, math, template, video, audio, source",
          ),
        ].map((e) => e.tagName),
      );
      const styled = bodies.flatMap((body) => [...body.querySelectorAll("[style]")].map((e) => e.tagName));
      const markers = bodies.map((body) => /xss-marker-(\d+|safe)/.exec(body.textContent ?? "")?.[1]).filter(Boolean);
      const safe = root.querySelector<HTMLAnchorElement>(`.comment-body a[href="${"https://example.org/safe"}"]`);
      return {
        handlers,
        badUrls,
        dangerous,
        styled,
        markers,
        safeLink: safe ? { rel: safe.rel, target: safe.target } : null,
      };
    });
    await screenshot(page, "comments-xss");

    expect(dialogs).toEqual([]);
    expect(report.handlers).toEqual([]);
    expect(report.badUrls).toEqual([]);
    expect(report.dangerous).toEqual([]);
    expect(report.styled).toEqual([]);
    // Every payload was rendered (as text or harmless markup), none swallowed the page.
    expect(report.markers).toHaveLength(PAYLOADS.length + 1);
    expect(report.safeLink).toEqual({ rel: "nofollow noopener noreferrer", target: "_blank" });
    // The page is still whole after the last comment: its composer is there.
    await expect(comments.getByLabel("Comment on this quote")).toBeVisible();
  });
});
