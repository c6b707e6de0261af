// The reader's document structure: reader comments and other flagged tails in a labelled section
// node, and blank lines (white space only) marked so they add no gap of their own.
import { Extension, Node } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

/** Reader comments and other flagged tails: a labelled region of their own. */
export const ReaderSection = Node.create({
  name: "readerSection",
  group: "block",
  content: "paragraph+",
  addAttributes() {
    return { label: { default: "" } };
  },
  parseHTML() {
    return [{ tag: "section[data-reader-section]" }];
  },
  renderHTML({ node }) {
    const label = String(node.attrs.label);
    return ["section", { "data-reader-section": "", class: "comments", role: "region", "aria-label": label, "data-label": label }, 0];
  },
});

/** Paragraphs of white space only get the class blank-line (reader.css). The text never changes,
 *  so they are found once, one step per paragraph. */
export const BlankLines = Extension.create({
  name: "blankLines",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        state: {
          init: (_config, state) => {
            const blanks: Decoration[] = [];
            state.doc.descendants((node, pos) => {
              if (node.type.name !== "paragraph") return true;
              if (node.textContent && !node.textContent.trim()) blanks.push(Decoration.node(pos, pos + node.nodeSize, { class: "blank-line" }));
              return false;
            });
            return DecorationSet.create(state.doc, blanks);
          },
          apply: (_tr, set) => set,
        },
        props: {
          decorations(state) {
            return this.getState(state);
          },
        },
      }),
    ];
  },
});
