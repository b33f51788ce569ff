import type { Preview } from '@storybook/web-components-vite';

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
