import {
  $isButtonNode,
  $isImageNode,
  $isInlineHtmlNode,
  registerDecoratorView,
} from '../../core/index.ts';
import { ButtonView } from './ButtonView.tsx';
import { registerCardViews } from './cardViews.tsx';
import { ImageView } from './ImageView.tsx';
import { InlineHtmlView } from './InlineHtmlView.tsx';

let registered = false;

/**
 * Registers the React views of the model-only decorator nodes (image, button). Called
 * when the SectionEditor module loads; safe to call again. Lexical calls the view from
 * `decorate()` during reconciliation, where reading the node is allowed.
 */
export function registerEditorViews(): void {
  if (registered) return;
  registered = true;
  registerDecoratorView('image', (node) =>
    $isImageNode(node) ? (
      <ImageView
        nodeKey={node.getKey()}
        src={node.getSrc()}
        alt={node.getAlt()}
        width={node.getWidth()}
        caption={node.getCaption()}
      />
    ) : null,
  );
  registerDecoratorView('button', (node) =>
    $isButtonNode(node) ? (
      <ButtonView nodeKey={node.getKey()} label={node.getLabel()} url={node.getUrl()} />
    ) : null,
  );
  registerDecoratorView('inlinehtml', (node) =>
    $isInlineHtmlNode(node) ? (
      <InlineHtmlView nodeKey={node.getKey()} source={node.getSource()} />
    ) : null,
  );
  registerCardViews();
}
