import Markdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { safeCommentUrl } from "@/lib/comments/markdown";

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel="nofollow noopener noreferrer" target="_blank" className="text-indigo-700 underline">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  // The page's Content-Security-Policy loads no images from elsewhere, so an image is a link.
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <a href={src} rel="nofollow noopener noreferrer" target="_blank" className="text-indigo-700 underline">
        {alt ? `Image: ${alt}` : "Image"}
      </a>
    ) : (
      <span>{alt}</span>
    ),
};

/** A comment's Markdown (GitHub flavour), with raw HTML shown as text and unsafe links dropped. */
export function CommentBody({ body }: { body: string }) {
  return (
    <div className="comment-body text-sm leading-6 text-slate-900">
      <Markdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[rehypeSanitize]}
        urlTransform={safeCommentUrl}
        components={components}
      >
        {body}
      </Markdown>
    </div>
  );
}
