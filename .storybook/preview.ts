import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';

// Controls, and the attribute, property, event, slot, part and CSS property tables, come
// from the manifest that `npm run analyze` writes from each element's JSDoc.
setCustomElementsManifest(manifest);

/**
 * Every story in English, German or Spanish from the toolbar: the elements follow the page's
 * `lang`, exactly as on an intranet page.
 */
const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language of the elements',
      toolbar: {
        icon: 'globe',
        dynamicTitle: true,
        items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
          { value: 'es', title: 'Español' },
        ],
      },
    },
  },
  initialGlobals: { locale: 'en' },
  decorators: [
    (story, context) => {
      document.documentElement.lang = String(context.globals['locale'] ?? 'en');
      return story();
    },
  ],
};

export default preview;
