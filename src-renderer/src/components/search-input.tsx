import { useState } from 'react'
import { TextInput } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'

interface SearchInputProps {
  value: string
  onChange: (value: string) => void
  label: string
  placeholder: string
  /** Narrower where many filters share the row. */
  minWidth?: number
}

/** A search box that asks the server only once the user pauses typing. */
export function SearchInput({
  value,
  onChange,
  label,
  placeholder,
  minWidth = 260,
}: SearchInputProps) {
  const [text, setText] = useState(value)
  const [followed, setFollowed] = useState(value)
  const handleSettled = useDebouncedCallback((typed: string) => onChange(typed.trim()), 300)

  // The address may change under us (Back, a link); follow it.
  if (value !== followed) {
    setFollowed(value)
    setText(value)
  }

  const handleChange = (typed: string) => {
    setText(typed)
    handleSettled(typed)
  }

  return (
    <TextInput
      aria-label={label}
      placeholder={placeholder}
      value={text}
      onChange={(event) => handleChange(event.currentTarget.value)}
      leftSection={<IconSearch size={16} />}
      type="search"
      miw={minWidth}
      flex={1}
    />
  )
}
