// The text stays focusable (caret, Shift+arrows, selection) but no transaction may change it.
import { Extension } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";

export const UnchangeableText = Extension.create({
  name: "unchangeableText",
  addProseMirrorPlugins() {
    const refuse = (_view: unknown, event: Event) => {
      event.preventDefault();
      return true;
    };
    return [
      new Plugin({
        filterTransaction: (tr) => !tr.docChanged,
        props: { handleDOMEvents: { beforeinput: refuse, paste: refuse, cut: refuse, drop: refuse } },
      }),
    ];
  },
});
