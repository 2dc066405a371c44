import { createRoot } from 'react-dom/client'
import { startSuggestionEngine } from './suggest-client'
import { App } from './ui/App'
import './styles.css'

createRoot(document.getElementById('root')!).render(<App />)
startSuggestionEngine()
