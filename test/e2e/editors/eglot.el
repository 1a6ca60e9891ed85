;;; eglot.el --- Emacs (eglot) against capdrop-language-server, as docs/editors.md sets it up.
;; Opens CAPDROP_FILE, connects eglot to the server at CAPDROP_SERVER, waits for its diagnostics
;; (through flymake) and prints one line each: LINE TYPE TEXT. Run by test/e2e/editors.test.ts.
(package-initialize)
(require 'eglot)
(require 'flymake)
;; Emacs 28 has no Compose mode: a mode of our own stands for yaml-mode / yaml-ts-mode.
(define-derived-mode capdrop-compose-mode prog-mode "Compose")
(add-to-list 'auto-mode-alist '("compose\\.ya?ml\\'" . capdrop-compose-mode))
(add-to-list 'eglot-server-programs `(capdrop-compose-mode . ("node" ,(getenv "CAPDROP_SERVER"))))
(find-file (getenv "CAPDROP_FILE"))
;; `eglot-ensure' waits for a command loop that batch mode lacks: connect directly.
(apply #'eglot (eglot--guess-contact))
(let ((deadline (+ (float-time) 20)))
  (while (and (< (float-time) deadline) (null (flymake-diagnostics)))
    (accept-process-output nil 0.1)))
(dolist (d (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
  (princ (format "%d %s %s\n" (line-number-at-pos (flymake-diagnostic-beg d)) (flymake-diagnostic-type d) (flymake-diagnostic-text d))))
(kill-emacs (if (flymake-diagnostics) 0 1))
