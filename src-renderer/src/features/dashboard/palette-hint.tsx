import { Kbd } from '@mantine/core'
import { Trans } from 'react-i18next'
import { paletteShortcut } from '../../lib/platform'

/** "Press Ctrl K anywhere…", with the shortcut drawn as keys. */
export function PaletteHint() {
  return (
    <Trans
      i18nKey="dashboard.paletteHint"
      values={{ shortcut: paletteShortcut() }}
      components={{ kbd: <Kbd size="xs" /> }}
    />
  )
}
