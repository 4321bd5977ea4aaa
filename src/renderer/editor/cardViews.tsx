import { $isEmbedNode, $isHtmlCardNode, registerDecoratorView } from '../../core/index.ts';
import { EmbedView } from './EmbedView.tsx';
import { HtmlCardView } from './HtmlCardView.tsx';

/** Registers the views of the card decorators (embed, HTML card); views.tsx calls it once. */
export function registerCardViews(): void {
  registerDecoratorView('embed', (node) =>
    $isEmbedNode(node) ? <EmbedView nodeKey={node.getKey()} fields={node.getFields()} /> : null,
  );
  registerDecoratorView('htmlcard', (node) =>
    $isHtmlCardNode(node) ? <HtmlCardView nodeKey={node.getKey()} html={node.getHtml()} /> : null,
  );
}
