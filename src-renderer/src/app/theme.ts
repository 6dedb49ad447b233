import { MultiSelect, Select, createTheme, localStorageColorSchemeManager } from '@mantine/core'

// Mantine keeps closed option lists in the page, labelled like their input; that gives every
// select two elements with the same label. Mounting the list only while open keeps labels unique.
const closedListsUnmounted = { comboboxProps: { keepMounted: false } }

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  components: {
    Select: Select.extend({ defaultProps: closedListsUnmounted }),
    MultiSelect: MultiSelect.extend({ defaultProps: closedListsUnmounted }),
  },
})

// The chosen theme survives restarts, in Electron and in the browser alike.
export const colorSchemeManager = localStorageColorSchemeManager({
  key: 'orchestra.colorScheme',
})
