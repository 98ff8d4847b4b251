"""A notice across the top of the window: something the officer should know, not a question."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # A warning colour that stays readable in light and dark themes.
        self.setStyleSheet(
            "#banner { background: #fff3cd; border: 1px solid #e0b84c; } "
            "#banner QLabel { color: #3d2e00; }"
        )
        row = QHBoxLayout(self)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Notice"))
        row.addWidget(self.label, 1)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.hide)
        row.addWidget(self.close_button)
        self.hide()

    def tell(self, text: str) -> None:
        self.label.setText(text)
        self.show()
