package ecgbeats.report;

import java.util.Base64;
import java.util.List;

/**
 * A small builder of self-contained HTML pages: inline CSS, images as data URIs, no script and
 * no external link, so a report opens offline and can be mailed as one file.
 */
final class Html {

    private final StringBuilder body = new StringBuilder();
    private final String title;

    Html(String title) {
        this.title = title;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    Html heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    Html paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    Html image(byte[] png, String alt) {
        body.append("<img alt=\"").append(escape(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n");
        return this;
    }

    /** A table; the first row is the header. */
    Html table(List<List<String>> rows) {
        body.append("<table>\n");
        for (int i = 0; i < rows.size(); i++) {
            String cell = i == 0 ? "th" : "td";
            body.append("<tr>");
            for (String v : rows.get(i)) {
                body.append('<').append(cell).append('>').append(escape(v)).append("</").append(cell).append('>');
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** Markup made by the caller (inline SVG), added as it is: the caller escapes any text in it. */
    Html raw(String markup) {
        body.append(markup);
        return this;
    }

    /** Preformatted text (JSON, a command). */
    Html pre(String text) {
        body.append("<pre>").append(escape(text)).append("</pre>\n");
        return this;
    }

    String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\nbody{font-family:sans-serif;margin:2em;max-width:1300px;color:#222}"
                + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:.25em .6em;"
                + "text-align:right}th{background:#eee}img{max-width:100%;margin:.5em .5em .5em 0}"
                + "pre{background:#f6f6f6;padding:1em;overflow-x:auto}"
                + ".strip{display:flex;align-items:center}.strip span{width:3.5em;font-size:.8em;color:#666}"
                + ".strip svg{border-bottom:1px solid #eee}\n</style>\n</head>\n<body>\n<h1>"
                + escape(title) + "</h1>\n" + body + "</body>\n</html>\n";
    }
}
